// Makes the kiosk page bootable without a network: registers public/kiosk-sw.js (scope
// /kiosk) and puts the page and every same-origin script and style it uses into the cache
// the worker serves from. Also asks the browser to keep our storage (persist()).

export const KIOSK_CACHE = "hailong-kiosk-v1";

function pageAssets(): string[] {
  const urls = new Set<string>(["/kiosk"]);
  document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>("script[src], link[rel=modulepreload], link[rel=stylesheet], link[rel=icon]").forEach((el) => {
    const href = el instanceof HTMLScriptElement ? el.src : el.href;
    if (href) urls.add(href);
  });
  for (const entry of performance.getEntriesByType("resource")) {
    if (/\/(build|styles)\//.test(entry.name)) urls.add(entry.name);
  }
  return [...urls].filter((u) => new URL(u, location.href).origin === location.origin);
}

/** Resolves true once the page, its code and styles are cached and a worker controls the page. */
export async function prepareOffline(): Promise<boolean> {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return false;
  void navigator.storage?.persist?.().catch(() => false);
  await navigator.serviceWorker.register("/kiosk-sw.js", { scope: "/kiosk" });
  await navigator.serviceWorker.ready;
  const cache = await caches.open(KIOSK_CACHE);
  await Promise.all(
    pageAssets().map(async (url) => {
      const res = await fetch(url, { cache: "no-store", credentials: "same-origin" });
      if (res.ok) await cache.put(new URL(url, location.href).pathname, res);
    }),
  );
  if (!navigator.serviceWorker.controller) {
    await new Promise<void>((resolve) => {
      navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true });
      setTimeout(resolve, 5_000);
    });
  }
  return Boolean(navigator.serviceWorker.controller);
}
