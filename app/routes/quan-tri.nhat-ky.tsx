import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { AuditChange } from "~/components/console/audit-change";
import { formatDateTime } from "~/components/console/format-time";
import { DateRangeFields, Pager } from "~/components/console/list-controls";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireConsoleUser } from "~/server/console.server";
import { auditFacets, listAudit } from "../../db/queries/audit";
import { auditActionKey, auditEntityKey } from "~/components/console/audit-words";

export const meta: MetaFunction = () => [{ title: "Nhật ký thay đổi — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.nhat-ky";
const PAGE = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day in Vietnam (UTC+7) as the ISO instant it starts at. */
const vnDayStart = (d: string, plusDays = 0) => new Date(Date.parse(`${d}T00:00:00+07:00`) + plusDays * 86_400_000).toISOString();

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireConsoleUser(context.services, request, ROUTE);
  const p = new URL(request.url).searchParams;
  const get = (k: string) => (p.get(k) ?? "").trim().slice(0, 100);
  const query = { actor: get("actor"), action: get("action"), entity: get("entity"), entityId: get("entityId"), from: get("from"), to: get("to") };
  const page = Math.max(0, Math.min(1000, Number(p.get("page")) || 0));
  const rows = await listAudit(
    context.services.db,
    {
      actor: query.actor || undefined,
      action: query.action || undefined,
      entity: query.entity || undefined,
      entityId: query.entityId || undefined,
      from: DATE.test(query.from) ? vnDayStart(query.from) : undefined,
      until: DATE.test(query.to) ? vnDayStart(query.to, 1) : undefined,
    },
    PAGE + 1,
    page * PAGE,
  );
  return { query, page, rows: rows.slice(0, PAGE), more: rows.length > PAGE, facets: await auditFacets(context.services.db) };
}

export default function AuditLog() {
  const { t } = useTranslation();
  const { query, page, rows, more, facets } = useLoaderData<typeof loader>();
  const words = { actor: (v: string) => v, action: (v: string) => t(auditActionKey(v)), entity: (v: string) => t(auditEntityKey(v)) };
  const select = (name: "actor" | "action" | "entity", label: string, values: string[]) => (
    <label>
      {label}
      <select name={name} defaultValue={query[name]}>
        <option value="">{t("audit.all")}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {words[name](v)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      <Form method="get" className="filters">
        {select("actor", t("audit.actor"), facets.actors)}
        {select("action", t("audit.action"), facets.actions)}
        {select("entity", t("audit.entity"), facets.entities)}
        <label>
          {t("audit.entityId")}
          <input name="entityId" defaultValue={query.entityId} />
        </label>
        <DateRangeFields from={query.from} to={query.to} />
      </Form>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("audit.at")}</th>
              <th scope="col">{t("audit.actor")}</th>
              <th scope="col">{t("audit.action")}</th>
              <th scope="col">{t("audit.entity")}</th>
              <th scope="col">{t("audit.change")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.at)}</td>
                <td>{r.actor}</td>
                <td>{t(auditActionKey(r.action))}</td>
                <td>
                  {t(auditEntityKey(r.entity))} {r.entity_id ? <code>{r.entity_id}</code> : null}
                </td>
                <td>
                  <AuditChange before={r.before} after={r.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p>{t("audit.none")}</p> : null}
      <Pager query={query} page={page} more={more} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
