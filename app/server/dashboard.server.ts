import { CHANNELS } from "../../db/schema";
import { z } from "zod";
import { monthlyCells } from "../../db/queries/report-extra";
import { listPublished } from "../../db/queries/surveys";
import { listServices } from "../../db/queries/services";
import type { Channel } from "../../db/schema";
import { periodRange, previousPeriod, trailingMonths, type PeriodChoice } from "~/metrics/period-picker";
import { isCalendarDate, vnDate } from "~/metrics/periods";
import { change, trendFromCells } from "~/metrics/trend";
import type { AppLocale } from "~/i18n/config";
import type { SurveyDefinition } from "~/survey/types";
import { buildSummary, resolveReport, type Summary } from "./report.server";
import type { AppServices } from "./services.server";
import type { SessionUser } from "./session.server";
import { parsedVersion } from "./survey-versions.server";

const optional = z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).max(64).optional());
const paramsSchema = z.object({
  survey: optional,
  unit: optional,
  service: optional,
  channel: z.preprocess((v) => (v === "" ? undefined : v), z.enum(CHANNELS).optional()),
  mapping: z.enum(["as-was", "current"]).default("as-was"),
  period: z.enum(["month", "quarter", "half", "nine", "year", "custom"]).default("year"),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  part: z.coerce.number().int().min(1).max(12).optional(),
  from: z.string().refine(isCalendarDate).optional().or(z.literal("")),
  to: z.string().refine(isCalendarDate).optional().or(z.literal("")),
});

export type DashboardFilters = z.output<typeof paramsSchema> & { survey: string; year: number };

/** GET parameters of the period picker → filters and the two date ranges; bad input is a 400 page. */
export function parseDashboardParams(params: URLSearchParams, surveys: string[]) {
  const parsed = paramsSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const today = vnDate(new Date());
  const p = parsed.data;
  const year = p.year ?? Number(today.slice(0, 4));
  const survey = p.survey ?? (surveys.includes("sipas-2017") ? "sipas-2017" : surveys[0] ?? "");
  const choice: PeriodChoice =
    p.period === "custom"
      ? { kind: "custom", year, from: p.from || `${year}-01-01`, to: p.to || today }
      : p.period === "year" || p.period === "nine"
        ? { kind: p.period, year }
        : { kind: p.period, year, part: Math.min(p.part ?? 1, { month: 12, quarter: 4, half: 2 }[p.period]) };
  const range = periodRange(choice);
  if (range.from > range.to) throw new Response("Bad request", { status: 400 });
  return { filters: { ...p, survey, year } as DashboardFilters, range, previous: previousPeriod(choice) };
}

const toQuery = (f: DashboardFilters, range: { from: string; to: string }, channel?: Channel) => ({
  survey: f.survey,
  from: range.from,
  to: range.to,
  unit: f.unit,
  service: f.service,
  channel: channel ?? f.channel,
  mapping: f.mapping,
});

export interface DashboardParts {
  previous?: boolean;
  trend?: boolean;
  channels?: boolean;
  counter?: boolean;
}

/** Everything a report page shows, for the signed-in user's subtree. */
export async function loadDashboard(services: AppServices, user: SessionUser, params: URLSearchParams, locale: AppLocale, parts: DashboardParts = {}) {
  const db = await services.reads();
  const published = await listPublished(db);
  const surveys = [...new Map(published.map((p) => [p.slug, { slug: p.slug, title: locale === "en" ? p.title_en : p.title_vi }])).values()];
  const { filters, range, previous } = parseDashboardParams(params, surveys.map((s) => s.slug));
  const access = { unitId: user.unitId };
  const query = toQuery(filters, range);
  const summary = await toPage(() => buildSummary(db, query, access, { unitIntervals: true }));
  const report = await resolveReport(db, query, access);
  const { definition } = await parsedVersion(db, report.version.id, report.version.content_hash);
  const before = parts.previous ? await buildSummary(db, toQuery(filters, previous), access, { intervals: false, counter: false }) : null;
  const prevUnits = new Map(before?.units.map((u) => [u.code, u.index]));
  const prevServices = new Map(before?.services.map((s) => [s.code, s.index]));

  let trend = null;
  if (parts.trend) {
    const months = trailingMonths(range.to);
    const items = report.model.aspects.flatMap((a) => a.elements.flatMap((e) => e.items));
    // The trend follows the service filter (detailed roll-up) and mean-of-children (cells per unit).
    const deep = report.model.parentAggregation === "mean-of-children";
    const cells = await monthlyCells(db, report.scope, months[0], months[months.length - 1], items, deep);
    trend = trendFromCells(report.model, months, cells.cells, cells.responses, report.units.tree);
  }
  const channels = parts.channels
    ? await Promise.all(
        CHANNELS.map(async (channel) => {
          const s = await buildSummary(db, toQuery(filters, range, channel), access, { intervals: false, counter: false });
          return { channel, index: s.index, n: s.n };
        }),
      )
    : null;
  const [units, serviceList] = await Promise.all([subtreeUnits(services, user), listServices(db)]);
  return {
    filters,
    range,
    previous,
    options: { surveys, units, services: serviceList.map((s) => ({ code: s.code, name: s.name })) },
    summary,
    /** The report's unit (its tree root's settings head the report document and print view). */
    unitId: report.unit.id,
    change: {
      index: change(summary.index, before?.index),
      units: Object.fromEntries(summary.units.map((u) => [u.code, change(u.index, prevUnits.get(u.code))])),
      services: Object.fromEntries(summary.services.map((s) => [s.code, change(s.index, prevServices.get(s.code))])),
    },
    titles: { ...Object.fromEntries(report.model.aspects.map((a) => [a.id, a.title[locale]])), ...titlesOf(definition, locale) },
    trend,
    channels,
    counter: parts.counter ? summary.counter : null,
  };
}

/** Report errors (unknown unit, another unit's subtree) become plain error pages. */
async function toPage(fn: () => Promise<Summary>): Promise<Summary> {
  try {
    return await fn();
  } catch (error) {
    if (error && typeof error === "object" && "code" in error) {
      const status = (error as { code: string }).code === "forbidden" ? 403 : 400;
      throw new Response(status === 403 ? "Forbidden" : "Bad request", { status });
    }
    throw error;
  }
}

async function subtreeUnits(services: AppServices, user: SessionUser) {
  let q = services.db
    .selectFrom("unit as u")
    .select(["u.code", "u.name", "u.valid_to"])
    .orderBy("u.code");
  if (user.unitId !== null) q = q.innerJoin("unit_closure as c", "c.descendant_id", "u.id").where("c.ancestor_id", "=", user.unitId);
  return q.execute();
}

/** Element, aspect and item titles in the page's language. */
export function titlesOf(def: SurveyDefinition, locale: AppLocale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of def.index?.aspects ?? []) out[a.id] = a.title[locale];
  for (const s of def.sections) {
    out[s.id] = s.title[locale];
    for (const q of s.questions) {
      out[q.id] = q.label[locale];
      // Option labels keyed "question.option" (the report document names indicator options).
      for (const o of "options" in q ? (q.options ?? []) : []) out[`${q.id}.${o.id}`] = o.label[locale];
    }
  }
  return out;
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
