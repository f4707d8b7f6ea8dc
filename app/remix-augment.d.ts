import type { AppServices } from "./server/services.server";

declare module "@remix-run/node" {
  /** What scripts/server.ts passes to every loader and action. */
  interface AppLoadContext {
    services: AppServices;
    clientAddress: string;
  }
  // Single fetch: loader types come through `useLoaderData<typeof loader>` unwrapped.
  interface Future {
    v3_singleFetch: true;
  }
}
