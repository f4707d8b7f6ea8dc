import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatContact } from "~/components/kiosk-admin/kiosk-table";
import { counterAction, loadCounterPage } from "~/server/kiosk-counter.server";

export const meta: MetaFunction = () => [{ title: "Quầy — Máy đánh giá — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/kiosk.css" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return loadCounterPage(context.services, request, params.id);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return counterAction(context.services, request, params.id);
}

export default function CounterPage() {
  const { t } = useTranslation();
  const { kiosk, services, binding, csrf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : {};
  const described = (name: string) => (errors[name] ? { "aria-invalid": true as const, "aria-describedby": `counter-${name}-error` } : {});
  return (
    <section className="kiosk-admin">
      <p>
        <Link to="/quan-tri/may-danh-gia">{t("kiosk.counter.back")}</Link>
      </p>
      <h1>{t("kiosk.counter.title", { counter: kiosk.counter ?? kiosk.unit_code, unit: kiosk.unit_name })}</h1>
      <p>{t("kiosk.counter.intro")}</p>
      <div role="status" className="notice" data-testid="pending-binding">
        {binding ? t("kiosk.counter.pending", { dossier: binding.dossier, when: formatContact(binding.expiresAt) }) : t("kiosk.counter.none")}
      </div>
      {kiosk.status === "active" ? (
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="csrf" value={csrf} />
          <label>
            {t("kiosk.counter.dossier")}
            <input name="dossier" required maxLength={100} autoComplete="off" {...described("dossier")} />
            {errors.dossier ? <span id="counter-dossier-error" className="form-error">{t(errors.dossier)}</span> : null}
          </label>
          <label>
            {t("kiosk.counter.service")}
            <select name="service" defaultValue="" {...described("service")}>
              <option value="">{t("kiosk.counter.noService")}</option>
              {services.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
            {errors.service ? <span id="counter-service-error" className="form-error">{t(errors.service)}</span> : null}
          </label>
          <button type="submit" name="intent" value="push">
            {t("kiosk.counter.push")}
          </button>
          {binding ? (
            <button type="submit" name="intent" value="cancel" className="secondary" formNoValidate>
              {t("kiosk.counter.cancel")}
            </button>
          ) : null}
        </Form>
      ) : (
        <p>{t("kiosk.admin.statusRevoked")}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
