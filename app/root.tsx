import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { DisplayPrefsForm } from "~/components/display-prefs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { prefsClassName } from "~/display-prefs";
import { displayPrefsOf } from "~/server/display-prefs.server";
import { SiteLayout } from "~/components/site-layout";
import { asLocale } from "~/i18n/config";
import { localeCookie, messages, pageLocale } from "~/i18n/i18n.server";
import { I18nProvider } from "~/i18n/provider";
import { useNonce } from "~/nonce";
import type { PageHandle } from "~/page-handle";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/styles/app.css" },
  { rel: "stylesheet", href: "/styles/prefs.css" },
  { rel: "icon", href: "/favicon.ico" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await pageLocale(request);
  const chosen = new URL(request.url).searchParams.get("lng");
  const headers = chosen ? { "Set-Cookie": await localeCookie.serialize(asLocale(chosen)) } : undefined;
  return data({ locale, messages: messages[locale], prefs: displayPrefsOf(request, context) }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const locale = root?.locale ?? "vi";
  // Pages with a form of their own carry the display buttons inside it (handle.ownDisplayPrefs);
  // full-screen device pages (the kiosk) have no site header or footer at all (handle.bare);
  // citizen pages work as plain HTML forms and links, so they ship no framework JavaScript
  // (handle.noScripts): a phone on a slow link gets the page in a fifth of the bytes.
  const handles = useMatches().map((m) => (m.handle ?? {}) as PageHandle);
  const ownPrefs = handles.some((h) => h.ownDisplayPrefs);
  const bare = handles.some((h) => h.bare);
  const nonce = useNonce();
  const scripts = !handles.some((h) => h.noScripts);
  return (
    <html lang={locale} className={root?.prefs ? prefsClassName(root.prefs) : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider locale={locale} messages={root?.messages ?? {}}>
          {bare ? (
            children
          ) : (
            <>
              <SiteLayout>{children}</SiteLayout>
              {ownPrefs ? null : (
                <footer className="site-footer">
                  <DisplayPrefsForm />
                </footer>
              )}
            </>
          )}
        </I18nProvider>
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
