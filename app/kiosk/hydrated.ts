import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/** false on the server and during hydration, true in the browser afterwards. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
