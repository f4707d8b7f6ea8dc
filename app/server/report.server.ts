import { CHANNELS } from "../../db/schema";
import { z } from "zod";
import { summaryCounts, type CountScope } from "../../db/queries/report-counts";
import { getServiceByCode, listServices } from "../../db/queries/services";
import { getReportVersion } from "../../db/queries/surveys";
import { targetsOfSurvey } from "../../db/queries/targets";
import type { Db } from "../../db/index";
import type { Interval } from "~/metrics/bootstrap";
import { BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED } from "~/metrics/bootstrap";
import { isCalendarDate, splitPeriod } from "~/metrics/periods";
import { summarize, type RankedRow, type SummaryFigures } from "~/metrics/summary";
import { meetsTarget, mostSpecificTarget, targetFor, type ChosenTarget } from "~/metrics/targets";
import type { IndexModel } from "~/survey/types";
import { ApiError, zodFields } from "./api-error.server";
import { REPORT_ROLES, hasRole, type Principal, type RolePrincipal } from "./principal.server";
import { parsedVersion, versionCells } from "./survey-versions.server";
import { counterFigures, type CounterFigures } from "./report-counter.server";
import { intervalsFor, readSample, sampleByChild } from "./report-intervals.server";
import { scopeUnit, unitScope, type ReportAccess, type UnitMapping } from "./report-scope.server";

export type { ReportAccess } from "./report-scope.server";

/** A calendar day within reach of any report (years 2000–2099: "9999-12-31" is a 400, not a 500). */
const date = z.string().refine((d) => isCalendarDate(d) && d >= "2000-01-01" && d <= "2099-12-31");

export const summaryQuerySchema = z
  .strictObject({
    survey: z.string().min(1).max(64),
    from: date,
    to: date,
    unit: z.string().min(1).max(64).optional(),
    service: z.string().min(1).max(64).optional(),
    channel: z.enum(CHANNELS).optional(),
    mapping: z.enum(["as-was", "current"]).default("as-was"),
    /** `units`: a 95% interval for each unit row too (costs one small bootstrap per unit). */
    intervals: z.enum(["units"]).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ["from"], message: "from after to" });

export type SummaryQuery = z.input<typeof summaryQuerySchema>;

/** Search params → a checked query, or a 400 with the API error shape. */
export function parseSummaryQuery(params: URLSearchParams): z.output<typeof summaryQuerySchema> {
  const result = summaryQuerySchema.safeParse(Object.fromEntries(params));
  if (result.success) return result.data;
  const fields = zodFields(result.error.issues);
  if (fields.from && result.error.issues.some((i) => i.code === "custom" && i.message === "from after to")) fields.from = { key: "validation.fromAfterTo" };
  throw new ApiError("invalid", "errors.invalid", fields);
}

type Ci = { ci95: Interval | null };
type Targeted = { target: number | null; meetsTarget: boolean | null };

export interface Summary extends Omit<SummaryFigures, "n" | "index" | "smallSample" | "aspects" | "elements" | "units"> {
  survey: string;
  period: { from: string; to: string };
  scope: { unit: string; service: string | null; channel: string | null; mapping: UnitMapping };
  method: {
    aggregation: IndexModel["aggregation"];
    parentAggregation: IndexModel["parentAggregation"];
    interval: { items: "wilson"; composite: "respondent-bootstrap"; replicates: number; seed: number; sampled: number };
  };
  n: number;
  index: number | null;
  ci95: Interval | null;
  target: number | null;
  targetScope: ChosenTarget["scope"] | null;
  meetsTarget: boolean | null;
  smallSample: boolean;
  aspects: Array<SummaryFigures["aspects"][number] & Ci>;
  elements: Array<SummaryFigures["elements"][number] & Ci & Targeted>;
  units: Array<RankedRow & Ci & Targeted>;
  /** Counter figures (null fields where they do not apply); null only when not asked for. */
  counter: CounterFigures | null;
}

/** Who may see reports (API tokens and signed-in users alike), and of which subtree. */
export function assertCanReport(principal: Principal): asserts principal is RolePrincipal {
  if (principal.kind === "anonymous") throw new ApiError("unauthorized", "errors.unauthorized");
  if (!hasRole(principal, REPORT_ROLES)) throw new ApiError("forbidden", "errors.forbidden");
}

/** The survey version, scope and counts a report reads: shared by the summary and the exports. */
export async function resolveReport(db: Db, query: SummaryQuery, access: ReportAccess) {
  const version = await getReportVersion(db, query.survey);
  if (!version) throw new ApiError("invalid", "errors.invalid", { survey: { key: "validation.unknownSurvey" } });
  const unit = await scopeUnit(db, query.unit, access);
  const service = query.service ? await getServiceByCode(db, query.service) : undefined;
  if (query.service && !service) throw new ApiError("invalid", "errors.invalid", { service: { key: "validation.unknownService" } });
  const mapping = query.mapping ?? "as-was";
  const units = await unitScope(db, unit, mapping);
  const scope: CountScope = { surveyId: version.survey_id, ...units.filter, serviceId: service?.id, channel: query.channel, ...splitPeriod(query.from, query.to) };
  return { version, model: JSON.parse(version.index_model) as IndexModel, unit, service, mapping, units, scope };
}

export interface SummaryOptions {
  /** Bootstrap every child unit too (dashboards; the API with `intervals=units`): one small bootstrap per child. */
  unitIntervals?: boolean;
  /** false: no bootstrap at all (comparisons with a previous period, channel splits). */
  intervals?: boolean;
  /** false: no counter figures (`counter: null`). */
  counter?: boolean;
}

export async function buildSummary(db: Db, query: SummaryQuery, access: ReportAccess, options: SummaryOptions = {}): Promise<Summary> {
  const { version, model, unit, service, mapping, units, scope } = await resolveReport(db, query, access);
  const items = model.aspects.flatMap((a) => a.elements.flatMap((e) => e.items));
  const groups = [
    ...model.aspects.flatMap((a) => a.elements.map((e) => ({ key: `@el/${e.id}`, items: e.items }))),
    ...model.aspects.map((a) => ({ key: `@as/${a.id}`, items: a.elements.flatMap((e) => e.items) })),
  ];
  const [counts, services, targets] = await Promise.all([summaryCounts(db, scope, items, groups, () => versionCells(db, scope.surveyId)), listServices(db), targetsOfSurvey(db, version.survey_id)]);
  const input = {
    model,
    ...counts,
    children: units.children.map((c) => ({ id: c.id, code: c.code, name: c.name })),
    childOf: units.childOf,
    services: new Map(services.map((s) => [s.id, { id: s.id, code: s.code, name: s.name }])),
  };
  const figures = summarize(input);
  const n = figures.n;
  const range = { from: query.from, to: query.to };
  // Independent reads: on PostgreSQL they run on two pooled connections at once.
  const [sample, counter] = await Promise.all([
    options.intervals === false ? { all: [], byUnit: new Map() } : readSample(db, scope, range, model, n),
    options.counter === false ? null : parsedVersion(db, version.id, version.content_hash).then((v) => counterFigures(db, scope, range, v.definition, n)),
  ]);
  const ci = intervalsFor(model, sample.all, n, {
    index: figures.index,
    elements: new Map(figures.elements.map((e) => [e.id, e.index])),
    aspects: new Map(figures.aspects.map((a) => [a.id, a.index])),
  });
  const year = Number(query.to.slice(0, 4));
  const chosen = mostSpecificTarget(targets, year, [
    ...(service ? [{ scope: "service" as const, key: service.code }] : []),
    { scope: "unit", key: unit.code },
    { scope: "overall", key: "" },
  ]);
  const overall = targetFor(targets, year, "overall");
  const childIds = new Map(units.children.map((c) => [c.code, c.id]));
  const perChild = (options.unitIntervals ?? query.intervals === "units") ? sampleByChild(sample, units.childOf) : new Map();
  return {
    survey: version.slug,
    period: { from: query.from, to: query.to },
    scope: { unit: unit.code, service: service?.code ?? null, channel: query.channel ?? null, mapping },
    method: {
      aggregation: model.aggregation,
      parentAggregation: model.parentAggregation,
      interval: { items: "wilson", composite: "respondent-bootstrap", replicates: BOOTSTRAP_REPLICATES, seed: BOOTSTRAP_SEED, sampled: sample.all.length },
    },
    ...figures,
    ci95: ci?.index ?? null,
    target: chosen?.value ?? null,
    targetScope: chosen?.scope ?? null,
    meetsTarget: meetsTarget(figures.index, chosen?.value ?? null),
    aspects: figures.aspects.map((a) => ({ ...a, ci95: ci?.aspects.get(a.id) ?? null })),
    elements: figures.elements.map((e) => {
      const target = targetFor(targets, year, "element", e.id) ?? chosen?.value ?? null;
      return { ...e, ci95: ci?.elements.get(e.id) ?? null, target, meetsTarget: meetsTarget(e.index, target) };
    }),
    units: figures.units.map((u) => {
      const target = targetFor(targets, year, "unit", u.code) ?? overall;
      const own = perChild.get(childIds.get(u.code)!) ?? [];
      const uci = u.index === null ? null : intervalsFor(model, own, u.n, { index: u.index, elements: new Map(), aspects: new Map() }, true);
      return { ...u, ci95: uci?.index ?? null, target, meetsTarget: meetsTarget(u.index, target) };
    }),
    counter,
  };
}
