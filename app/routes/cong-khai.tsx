import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { SummaryView } from "~/components/summary-view";
import { pageLocale } from "~/i18n/i18n.server";
import { PUBLIC_MIN_N, loadPublicSummary } from "~/server/public-results.server";
import { CITIZEN_PAGE } from "~/page-handle";

export const meta: MetaFunction = () => [{ title: "Công khai kết quả — Hài Lòng" }];
export const handle = CITIZEN_PAGE;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await pageLocale(request);
  // Per address: a flood of varied periods must not stall the kiosks and submissions.
  const wait = context.services.limits.publicResults.take(`addr:${context.clientAddress}`);
  if (wait > 0) throw new Response("Too Many Requests", { status: 429, headers: { "Retry-After": String(wait) } });
  return { ...(await loadPublicSummary(await context.services.reads(), new URL(request.url).searchParams, locale, context.services.publicResults)), minN: PUBLIC_MIN_N };
}

export default function PublicResults() {
  const { t } = useTranslation();
  const { summary, surveys, units, query, minN } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("summary.title")}</h1>
      <Form method="get" className="filters">
        <label>
          {t("summary.survey")}
          <select name="survey" defaultValue={query.survey}>
            {surveys.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("summary.unit")}
          <select name="unit" defaultValue={query.unit}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("summary.from")}
          <input type="date" name="from" defaultValue={query.from} required />
        </label>
        <label>
          {t("summary.to")}
          <input type="date" name="to" defaultValue={query.to} required />
        </label>
        <button type="submit">{t("summary.show")}</button>
      </Form>
      {summary ? <SummaryView data={summary} /> : <p>{t("summary.noData")}</p>}
      <p className="note">{t("reports.publicNote", { min: minN })}</p>
    </section>
  );
}
