import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Csrf, FormErrors } from "~/components/console/field";
import { formatDateTime } from "~/components/console/format-time";
import { DateRangeFields, Pager } from "~/components/console/list-controls";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { assertUnitScope, invalid, notFound, parseForm, requireConsoleAction, requireConsoleUser } from "~/server/console.server";
import { followupSchema, listComments, updateFollowup } from "~/server/comments.server";
import { ACTION_ACCESS } from "~/server/access-policy.server";
import { CHANNEL_KEYS } from "~/components/reports/report-filters";
import { COMMENT_STATUSES as STATUSES, COMMENT_STATUS_KEYS as STATUS_KEYS } from "~/comment-statuses";

export const meta: MetaFunction = () => [{ title: "Góp ý của người dân — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.gop-y";
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  const p = new URL(request.url).searchParams;
  const status = STATUSES.find((s) => s === p.get("status"));
  const from = DATE.test(p.get("from") ?? "") ? p.get("from")! : "";
  const to = DATE.test(p.get("to") ?? "") ? p.get("to")! : "";
  const page = Math.max(0, Math.min(1000, Number(p.get("page")) || 0));
  // Everyone sees their own subtree only; analysts read, managers and admins follow up.
  const { items, more } = await listComments(context.services.db, { rootUnitId: user.unitId, status, from: from || undefined, to: to || undefined }, page);
  return { csrf: user.csrfToken, canEdit: ACTION_ACCESS[ROUTE].includes(user.role), isAdmin: user.role === "admin", query: { status: status ?? "", from, to }, page, items, more };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requireConsoleAction(context.services, request, ROUTE);
  const parsed = parseForm(followupSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, { id: String(form.get("id") ?? "") });
  const response = await context.services.db.selectFrom("response").select("unit_id").where("id", "=", parsed.data.id).executeTakeFirst();
  if (!response) notFound();
  await assertUnitScope(context.services.db, user, response.unit_id);
  await updateFollowup(context.services.db, parsed.data, user.username);
  return data({ ok: true as const, errors: {}, id: parsed.data.id });
}

function StatusOptions() {
  const { t } = useTranslation();
  return STATUSES.map((s) => (
    <option key={s} value={s}>
      {t(STATUS_KEYS[s])}
    </option>
  ));
}

export default function Comments() {
  const { t } = useTranslation();
  const { csrf, canEdit, isAdmin, query, page, items, more } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (id: string) => (result && result.id === id ? (result.errors as Record<string, string>) : undefined);
  return (
    <section>
      <h1>{t("comments.title")}</h1>
      <p>{t("comments.intro")}</p>
      <Form method="get" className="filters">
        <label>
          {t("comments.statusLabel")}
          <select name="status" defaultValue={query.status}>
            <option value="">{t("audit.all")}</option>
            <StatusOptions />
          </select>
        </label>
        <DateRangeFields from={query.from} to={query.to} />
      </Form>
      {items.length === 0 ? <p>{t("comments.none")}</p> : null}
      {items.map((item) => {
        const errors = errorsFor(item.id);
        const status = item.status ?? "new";
        return (
          <article key={item.id} className="comment-card">
            <h2 className="comment-head">
              {item.unit_name} · {formatDateTime(item.submitted_at)} · {t(STATUS_KEYS[status])}
            </h2>
            <p className="note">
              {item.title_vi} · {item.service_name ?? "—"} · {t(CHANNEL_KEYS[item.channel])}
            </p>
            {item.texts.map((c, i) => (
              <blockquote key={i}>
                <p className="note">{c.question}</p>
                <p>{c.text}</p>
              </blockquote>
            ))}
            {item.lows.length ? (
              <ul className="low-scores" aria-label={t("comments.lowScores")}>
                {item.lows.map((l, i) => (
                  <li key={i}>
                    {l.question}: <strong>{l.code}</strong>
                  </li>
                ))}
              </ul>
            ) : null}
            {item.note ? (
              <p>
                {t("comments.note")}: {item.note} <span className="note">({item.updated_by})</span>
              </p>
            ) : null}
            {canEdit ? (
              <Form method="post" className="inline-form">
                <Csrf token={csrf} />
                <FormErrors errors={errors} />
                <input type="hidden" name="id" value={item.id} />
                <label className="field">
                  <span>{t("comments.statusLabel")}</span>
                  <select name="status" defaultValue={status}>
                    <StatusOptions />
                  </select>
                </label>
                <label className="field">
                  <span>{t("comments.note")}</span>
                  <input name="note" defaultValue={item.note ?? ""} aria-invalid={errors?.note ? true : undefined} aria-describedby={errors?.note ? `note-err-${item.id}` : undefined} />
                  {errors?.note ? (
                    <span className="field-error" id={`note-err-${item.id}`}>
                      {t(errors.note)}
                    </span>
                  ) : null}
                </label>
                <button type="submit">{t("console.save")}</button>
              </Form>
            ) : null}
            {isAdmin ? (
              <p>
                <Link to={`/quan-tri/phan-hoi?id=${item.id}`}>{t("comments.open")}</Link>
              </p>
            ) : null}
          </article>
        );
      })}
      <Pager query={query} page={page} more={more} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
