import type { Db } from "../../db/index";
import { listPublished } from "../../db/queries/surveys";
import { vnDate } from "~/metrics/periods";
import type { AppLocale } from "~/i18n/config";
import type { IndexModel } from "~/survey/types";
import type { SummaryViewData } from "~/components/summary-view";
import { ApiError } from "./api-error.server";
import { buildSummary, parseSummaryQuery } from "./report.server";
import { loadPublishedVersion } from "./survey-versions.server";
import type { TtlCache } from "./ttl-cache.server";

const PREFERRED_SURVEY = "sipas-2017";

/**
 * The public transparency page (công khai kết quả): aggregated figures only, never a
 * response or a comment, so it needs no sign-in.
 */
export async function loadPublicSummary(db: Db, params: URLSearchParams, locale: AppLocale, cache?: TtlCache<unknown>) {
  const published = await listPublished(db);
  const latest = [...new Map(published.map((p) => [p.slug, p])).values()];
  const indexed = [];
  for (const p of latest) {
    const v = await loadPublishedVersion(db, p.slug);
    if (v && v.indexModel.aspects.length) indexed.push({ slug: p.slug, title: locale === "en" ? p.title_en : p.title_vi, model: v.indexModel });
  }
  const roots = await db.selectFrom("unit").select(["id", "code", "name"]).where("parent_id", "is", null).where("valid_to", "is", null).orderBy("code").execute();
  const root = roots[0];
  const units = root
    ? [root, ...(await db.selectFrom("unit").select(["id", "code", "name"]).where("parent_id", "=", root.id).where("valid_to", "is", null).orderBy("name").execute())]
    : [];
  const year = vnDate(new Date()).slice(0, 4);
  const query = {
    survey: params.get("survey") ?? (indexed.some((s) => s.slug === PREFERRED_SURVEY) ? PREFERRED_SURVEY : indexed[0]?.slug ?? ""),
    unit: params.get("unit") ?? root?.code ?? "",
    from: params.get("from") ?? `${year}-01-01`,
    to: params.get("to") ?? vnDate(new Date()),
  };
  const surveys = indexed.map(({ slug, title }) => ({ slug, title }));
  if (!query.survey || !query.unit) return { summary: null, surveys, units, query };
  try {
    const parsed = parseSummaryQuery(new URLSearchParams(query));
    const model = indexed.find((s) => s.slug === query.survey)?.model;
    const compute = async () => toView(await buildSummary(db, parsed, { unitId: null }, { counter: false }), model, locale);
    const key = JSON.stringify([query.survey, query.unit, query.from, query.to, locale]);
    const summary = (await (cache ? cache.get(key, compute) : compute())) as SummaryViewData;
    return { summary, surveys, units, query };
  } catch (error) {
    if (error instanceof ApiError) throw new Response(error.messageKey, { status: 400 });
    throw error;
  }
}

/**
 * Below this many responses a public figure could reveal what one person answered: the
 * public page withholds it (the signed-in reports still show it, flagged "ít mẫu").
 */
export const PUBLIC_MIN_N = 3;
const publicIndex = (index: number | null, n: number) => (n < PUBLIC_MIN_N ? null : index);

function toView(s: Awaited<ReturnType<typeof buildSummary>>, model: IndexModel | undefined, locale: AppLocale): SummaryViewData {
  const titles = new Map(model?.aspects.flatMap((a) => a.elements.map((e) => [e.id, e.title[locale]] as const)) ?? []);
  return {
    period: s.period,
    n: s.n,
    index: publicIndex(s.index, s.n),
    ci95: s.n < PUBLIC_MIN_N ? null : s.ci95,
    target: s.target,
    meetsTarget: s.meetsTarget,
    method: { aggregation: s.method.aggregation },
    elements: s.elements.map((e) => ({ id: e.id, index: publicIndex(e.index, e.n), n: e.n, title: titles.get(e.id) ?? e.id })),
    units: s.units.map((u) => ({ code: u.code, name: u.name, index: publicIndex(u.index, u.n), n: u.n, rank: u.rank, smallSample: u.smallSample, target: u.target, meetsTarget: u.meetsTarget })),
  };
}
