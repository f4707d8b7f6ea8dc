import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { KioskTable } from "~/components/kiosk-admin/kiosk-table";
import { RegisterKioskForm } from "~/components/kiosk-admin/register-form";
import { kioskListAction, loadKioskList, requireKioskAdmin } from "~/server/kiosk-console.server";

export const meta: MetaFunction = () => [{ title: "Máy đánh giá — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/kiosk.css" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireKioskAdmin(context.services, request);
  return loadKioskList(context.services, user);
}

export async function action({ request, context }: ActionFunctionArgs) {
  return kioskListAction(context.services, request);
}

export default function KioskDevices() {
  const { t } = useTranslation();
  const { kiosks, units, surveys, csrf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="kiosk-admin">
      <h1>{t("kiosk.admin.title")}</h1>
      <p>{t("kiosk.admin.intro")}</p>
      {result && "revoked" in result ? (
        <p role="status" className="notice">
          {t("kiosk.admin.revokedNotice")}
        </p>
      ) : null}
      <KioskTable kiosks={kiosks} csrf={csrf} />
      <RegisterKioskForm units={units} surveys={surveys} csrf={csrf} result={result && result.intent === "register" ? result : undefined} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
