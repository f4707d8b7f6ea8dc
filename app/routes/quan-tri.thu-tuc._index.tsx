import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Csrf, Field, FormErrors } from "~/components/console/field";
import { LevelSelect } from "~/components/console/unit-input";
import { SERVICE_LEVELS, levelKey } from "~/org/levels";
import { SavedNotice } from "~/components/console/list-controls";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { invalid, opOf, parseForm, requireConsoleAction, requireConsoleUser } from "~/server/console.server";
import { saveService, serviceSchema } from "~/server/org.server";
import { listServices } from "../../db/queries/services";

export const meta: MetaFunction = () => [{ title: "Thủ tục hành chính — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.thu-tuc._index";

const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const all = await listServices(context.services.db);
  // Searching "dang ky" finds "Đăng ký": officials often type without diacritics.
  const services = q ? all.filter((s) => fold(`${s.code} ${s.name} ${s.field}`).includes(fold(q))) : all;
  return { csrf: user.csrfToken, canEdit: user.role === "admin", q, services: services.slice(0, 500), total: services.length };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requireConsoleAction(context.services, request, ROUTE);
  if (opOf(form) !== "save") return invalid({ form: "console.errors.invalid" });
  const parsed = parseForm(serviceSchema, form);
  if (!parsed.ok) return invalid(parsed.errors);
  await saveService(context.services.db, parsed.data, user.username);
  return data({ ok: true as const, errors: {} });
}

export default function Services() {
  const { t } = useTranslation();
  const { csrf, canEdit, q, services, total } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string> | undefined;
  return (
    <section>
      <h1>{t("org.services.title")}</h1>
      {canEdit ? (
        <ul className="link-row">
          <li>
            <Link to="/quan-tri/nhap/thu-tuc">{t("org.services.import")}</Link>
          </li>
          <li>
            <Link to="/quan-tri/nhap/thu-tuc-don-vi">{t("org.services.importOfferings")}</Link>
          </li>
          <li>
            <Link to="/quan-tri/nhap/so-ho-so">{t("org.services.importDossiers")}</Link>
          </li>
        </ul>
      ) : null}
      <Form method="get" className="filters" role="search">
        <label>
          {t("org.services.search")}
          <input name="q" type="search" defaultValue={q} />
        </label>
        <button type="submit">{t("org.services.searchSubmit")}</button>
      </Form>
      <p>{t("org.services.count", { count: total })}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("org.code")}</th>
              <th scope="col">{t("org.name")}</th>
              <th scope="col">{t("org.services.field")}</th>
              <th scope="col">{t("org.level")}</th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.id}>
                <td>
                  <code>{s.code}</code>
                </td>
                <td>{s.name}</td>
                <td>{s.field}</td>
                <td>{t(levelKey(s.level))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit ? (
        <>
          <h2>{t("org.services.edit")}</h2>
          <p>{t("org.services.editHelp")}</p>
          <SavedNotice show={result?.ok} />
          <Form method="post" className="stack narrow">
            <Csrf token={csrf} />
            <FormErrors errors={errors} />
            <Field name="code" required label={t("org.services.code")} errors={errors} />
            <Field name="name" required label={t("org.name")} errors={errors} />
            <Field name="field" required label={t("org.services.field")} errors={errors} />
            <LevelSelect name="level" label={t("org.level")} levels={SERVICE_LEVELS} errors={errors} />
            <button type="submit" name="op" value="save">
              {t("console.save")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
