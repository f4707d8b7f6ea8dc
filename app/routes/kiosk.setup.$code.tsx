import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useHydrated } from "~/kiosk/hydrated";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { clearRevoked, saveToken } from "~/kiosk/device-store";
import { describeSetup, redeemSetupCode } from "~/server/kiosks.server";
import { assertSameOrigin } from "~/server/session.server";

export const meta: MetaFunction = () => [{ title: "Thiết lập máy đánh giá — Hài Lòng" }, { name: "robots", content: "noindex" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/kiosk.css" }];

/** A full-screen device page: no site header or footer. */
export const handle = { bare: true };

const PRIVATE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

export function headers() {
  return PRIVATE;
}

/** Shows what is being set up; GET never spends the code (link previews must not). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const kiosk = await describeSetup(context.services, params.code ?? "");
  return data({ kiosk: kiosk ? { unit: kiosk.unit_name, counter: kiosk.counter } : null }, { status: kiosk ? 200 : 404, headers: PRIVATE });
}

/** Spends the code once and hands the device its token in the response body (never a URL). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const token = await redeemSetupCode(context.services, params.code ?? "");
  return data({ token }, { status: token ? 200 : 410, headers: PRIVATE });
}

export default function KioskSetup() {
  const { t } = useTranslation();
  const { kiosk } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [failed, setFailed] = useState(false);
  // The button works only with JavaScript: without it the token could not be kept.
  const hydrated = useHydrated();
  useEffect(() => {
    if (!result?.token) return;
    clearRevoked();
    saveToken(result.token).then(() => window.location.replace("/kiosk"), () => setFailed(true));
  }, [result]);
  const dead = !kiosk || (result && !result.token);
  return (
    <section className="kiosk-setup narrow">
      <h1>{t("kiosk.setup.title")}</h1>
      {dead ? (
        <p role="alert">{t("kiosk.setup.dead")}</p>
      ) : result?.token ? (
        <p role="status">{failed ? t("kiosk.setup.storageFailed") : t("kiosk.setup.done")}</p>
      ) : (
        <Form method="post" className="stack">
          <p>{t("kiosk.setup.confirmText", { unit: kiosk.unit, counter: kiosk.counter ?? "—" })}</p>
          <noscript>
            <p>{t("kiosk.setup.needsJs")}</p>
          </noscript>
          <button type="submit" disabled={!hydrated || navigation.state !== "idle"}>
            {t("kiosk.setup.confirm")}
          </button>
        </Form>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
