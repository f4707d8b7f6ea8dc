import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response (entry.server.tsx makes one per request):
 * Remix's own inline scripts carry it, nothing else inline may run. Empty in the browser,
 * which hides nonces from the DOM anyway.
 */
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
