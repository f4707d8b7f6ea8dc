/* global self, caches, fetch */
// Hài Lòng kiosk service worker (scope /kiosk). The kiosk page puts its page, scripts and
// styles into CACHE (app/kiosk/offline.ts); this worker serves them when the network is
// gone, so a kiosk that reboots offline still starts. The API is never cached here:
// responses wait in IndexedDB and the last configuration is kept there too.
const CACHE = "hailong-kiosk-v1";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("hailong-kiosk-") && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(key, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/kiosk/setup")) return;
  if (request.mode === "navigate") {
    if (url.pathname === "/kiosk" || url.pathname === "/kiosk/") event.respondWith(networkFirst(request, "/kiosk"));
    return;
  }
  // Built files have content hashes in their names: never stale.
  if (url.pathname.startsWith("/build/")) event.respondWith(cacheFirst(request, url.pathname));
  else if (url.pathname.startsWith("/styles/") || url.pathname === "/favicon.ico") event.respondWith(networkFirst(request, url.pathname));
});
