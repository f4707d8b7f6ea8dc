import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { readableAnswers } from "~/components/console/answer-text";
import { Csrf, Field, FieldError, FormErrors, ariaFor } from "~/components/console/field";
import { formatDateTime } from "~/components/console/format-time";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { actorOf, invalid, parseForm, requireConsoleAction, requireConsoleUser } from "~/server/console.server";
import { deleteResponseForLegalRequest, deleteSchema, loadResponse } from "~/server/responses-admin.server";
import { findResponses, isSearch, searchQueryOf } from "~/server/response-search.server";
import { ResponseResults, ResponseSearchForm } from "~/components/console/response-search";
import { CHANNEL_KEYS } from "~/components/reports/report-filters";
import { listUnits, subtreeIds } from "../../db/queries/units";

export const meta: MetaFunction = () => [{ title: "Phiếu trả lời — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.phan-hoi";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SCALE = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  const url = new URL(request.url);
  const id = (url.searchParams.get("id") ?? "").trim().toLowerCase();
  const loaded = UUID.test(id) ? await loadResponse(context.services.db, id, user.unitId) : undefined;
  const found = loaded
    ? {
        id: loaded.response.id,
        survey: `${loaded.response.slug} — ${loaded.definition.title.vi}`,
        version: loaded.response.version,
        retired: loaded.response.version_status === "retired",
        unit: `${loaded.response.unit_name} (${loaded.response.unit_code})`,
        service: loaded.response.service_name ? `${loaded.response.service_name} (${loaded.response.service_code})` : null,
        channel: loaded.response.channel,
        submittedAt: loaded.response.submitted_at,
        answers: readableAnswers(loaded.definition, loaded.answers, SCALE),
      }
    : null;
  const query = searchQueryOf(url.searchParams);
  const page = Math.max(0, Math.min(1000, Number(url.searchParams.get("page")) || 0));
  const search = !found && isSearch(query) ? await findResponses(context.services, user.unitId, query, page) : null;
  // The unit picker offers only the user's subtree (a subtree admin never sees other units' names).
  const scope = user.unitId === null ? null : new Set(await subtreeIds(context.services.db, user.unitId));
  const units = (await listUnits(context.services.db)).filter((u) => scope === null || scope.has(u.id)).map((u) => ({ code: u.code, name: u.name }));
  return { csrf: user.csrfToken, id, found, deleted: url.searchParams.get("da-xoa"), query, page, search, units };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requireConsoleAction(context.services, request, ROUTE);
  const parsed = parseForm(deleteSchema, form);
  if (!parsed.ok) return invalid(parsed.errors);
  const ok = await deleteResponseForLegalRequest(context.services.db, parsed.data.id, parsed.data.reason, actorOf(user), user.unitId);
  if (!ok) return invalid({ form: "responses.errors.notFound" });
  throw redirect(`/quan-tri/phan-hoi?da-xoa=${parsed.data.id}`);
}

export default function ResponsePage() {
  const { t } = useTranslation();
  const { csrf, id, found, deleted, query, page, search, units } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  return (
    <section>
      <h1>{t("responses.title")}</h1>
      <p>{t("responses.intro")}</p>
      {deleted ? (
        <p role="status" className="notice">
          {t("responses.deleted", { id: deleted })}
        </p>
      ) : null}
      <ResponseSearchForm query={{ ...query, id }} units={units} />
      {id && !found ? <p>{t("responses.errors.notFound")}</p> : null}
      {search?.unknownUnit ? <p>{t("console.errors.unknownUnit")}</p> : null}
      {search && !search.unknownUnit ? <ResponseResults items={search.items} more={search.more} page={page} query={query} /> : null}
      {found ? (
        <>
          <dl className="headline">
            <div>
              <dt>{t("responses.survey")}</dt>
              <dd>
                {found.survey} · v{found.version} {found.retired ? `(${t("designer.status.retired")})` : ""}
              </dd>
            </div>
            <div>
              <dt>{t("users.unit")}</dt>
              <dd>{found.unit}</dd>
            </div>
            <div>
              <dt>{t("responses.service")}</dt>
              <dd>{found.service ?? "—"}</dd>
            </div>
            <div>
              <dt>{t("responses.submittedAt")}</dt>
              <dd>
                {formatDateTime(found.submittedAt)} · {t(CHANNEL_KEYS[found.channel])}
              </dd>
            </div>
          </dl>
          <table>
            <caption>{t("responses.answers")}</caption>
            <tbody>
              {found.answers.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.label}</th>
                  <td>{a.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t("responses.deleteTitle")}</h2>
          <p>{t("responses.deleteHelp")}</p>
          <Form method="post" className="stack narrow">
            <Csrf token={csrf} />
            <FormErrors errors={errors} />
            <input type="hidden" name="id" value={found.id} />
            <Field name="reason" required minLength={10} label={t("responses.reason")} errors={errors} />
            <label className="check">
              <input type="checkbox" name="confirm" required {...ariaFor("confirm", errors)} />
              {t("responses.confirm")}
            </label>
            <FieldError name="confirm" errors={errors} />
            <button type="submit" className="danger">
              {t("responses.delete")}
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
