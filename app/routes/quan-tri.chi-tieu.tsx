import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TARGET_SCOPE_KEYS, TargetForm } from "~/components/target-form";
import { formatPercent } from "~/metrics/format";
import { requireConsoleAction, requireConsoleUser } from "~/server/console.server";
import { loadTargetsPage, saveTarget } from "~/server/targets-admin.server";

export const meta: MetaFunction = () => [{ title: "Chỉ tiêu — Hài Lòng" }];
const ROUTE = "routes/quan-tri.chi-tieu";
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/reports.css" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  return { ...(await loadTargetsPage(context.services.db)), csrf: user.csrfToken };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form: formData } = await requireConsoleAction(context.services, request, ROUTE);
  return saveTarget(context.services.db, user, formData);
}

export default function TargetsPage() {
  const { t } = useTranslation();
  const { targets, surveys, csrf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const editing = targets.find((x) => String(x.id) === params.get("sua"));
  return (
    <section>
      <h1>{t("reports.targets.title")}</h1>
      <p>{t("reports.targets.intro")}</p>
      {result?.ok ? <p role="status" className="badge ok">{t("reports.targets.saved")}</p> : null}
      <TargetForm key={editing?.id ?? "new"} csrf={csrf} surveys={surveys} editing={editing} errors={result && !result.ok ? result.errors : {}} />
      <h2>{t("reports.targets.list")}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("reports.targets.list")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("reports.targets.year")}</th>
              <th scope="col">{t("reports.targets.scope")}</th>
              <th scope="col">{t("reports.targets.scopeKey")}</th>
              <th scope="col">{t("reports.targets.survey")}</th>
              <th scope="col" className="num">{t("reports.targets.value")}</th>
              <th scope="col">{t("reports.targets.source")}</th>
              <th scope="col">{t("reports.targets.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((x) => (
              <tr key={x.id}>
                <td>{x.year}</td>
                <td>{t(TARGET_SCOPE_KEYS[x.scope])}</td>
                <td>{x.scope_key || "—"}</td>
                <td>{x.survey_slug ?? t("reports.targets.allSurveys")}</td>
                <td className="num">{formatPercent(x.value)}</td>
                <td>{x.source ?? "—"}</td>
                <td className="row-actions">
                  <a href={`?sua=${x.id}`} aria-label={t("reports.targets.editRow", { year: x.year, value: x.value })}>
                    {t("reports.targets.edit")}
                  </a>
                  <Form method="post">
                    <input type="hidden" name="csrf" value={csrf} />
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={x.id} />
                    <button type="submit" className="secondary" aria-label={t("reports.targets.deleteRow", { year: x.year, value: x.value })}>
                      {t("reports.targets.delete")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
