import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { KioskApp } from "~/components/kiosk/kiosk-app";
import { NoticeScreen } from "~/components/kiosk/screens";
import { useHydrated } from "~/kiosk/hydrated";

// The kiosk runs in the browser: the server sends a shell, the device brings its token
// (localStorage/IndexedDB, never the URL) and talks to /api/v1 (README.md "Kiosk").

export const meta: MetaFunction = () => [{ title: "Máy đánh giá — Hài Lòng" }, { name: "robots", content: "noindex" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/kiosk.css" }];

/** A full-screen device page: no site header or footer. */
export const handle = { bare: true };

export function headers() {
  return { "Cache-Control": "no-cache", "Referrer-Policy": "no-referrer" };
}

export default function KioskPage() {
  const mounted = useHydrated();
  return mounted ? (
    <KioskApp />
  ) : (
    <div className="kiosk" data-screen="shell">
      <div className="kiosk-body">
        <NoticeScreen kind="starting" />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
