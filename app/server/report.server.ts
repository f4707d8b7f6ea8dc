import { CHANNELS } from "../../db/schema";
import { z } from "zod";
import type { CountScope } from "../../db/queries/report-counts";
import { getServiceByCode, listServices } from "../../db/queries/services";
import { getReportVersion } from "../../db/queries/surveys";
import { targetsOfSurvey } from "../../db/queries/targets";
import type { Db } from "../../db/index";
import type { Interval, SatisfactionVector } from "~/metrics/bootstrap";
import { BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED } from "~/metrics/bootstrap";
import { isCalendarDate, splitPeriod } from "~/metrics/periods";
import { summarize, type RankedRow, type SummaryFigures } from "~/metrics/summary";
import { meetsTarget, mostSpecificTarget, targetFor, type ChosenTarget } from "~/metrics/targets";
import type { IndexModel } from "~/survey/types";
import { ApiError, zodFields } from "./api-error.server";
import { REPORT_ROLES, hasRole, type Principal, type RolePrincipal } from "./principal.server";
import { parsedVersion } from "./survey-versions.server";
import { countsFor, reportModel, versionFigures, type VersionFigures } from "./report-versions.server";
import { withChange, withRankGroups } from "./report-change.server";
import { previousRange, type Change } from "~/metrics/change";
import { counterFigures, perceptionIndicators, wouldReturnFigure, type CounterFigures, type CoverageParts } from "./report-counter.server";
import type { ShareFigure } from "~/metrics/health";
import type { IndicatorFigures } from "~/metrics/indicators";
import { childSamples, intervalsFor, readSample, unitInterval } from "./report-intervals.server";
import { scopeUnit, unitScope, type ReportAccess, type UnitMapping } from "./report-scope.server";

export type { ReportAccess } from "./report-scope.server";

/** A calendar day within reach of any report (years 2000–2099: "9999-12-31" is a 400, not a 500). */
const date = z
  .string()
  .refine((d) => isCalendarDate(d) && d >= "2000-01-01" && d <= "2099-12-31")
  .meta({ format: "date" });

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
    /** `previous`: change against the period of the same length just before (or compareFrom/compareTo). */
    compare: z.enum(["previous"]).optional(),
    compareFrom: date.optional(),
    compareTo: date.optional(),
  })
  .refine((q) => q.from <= q.to, { path: ["from"], message: "from after to" })
  .refine((q) => (q.compareFrom === undefined) === (q.compareTo === undefined) && (!q.compareFrom || q.compareFrom <= q.compareTo!), { path: ["compareFrom"], message: "compareFrom and compareTo go together" });

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
/** Present only when a comparison was asked for (issue 13.9). */
type Changed = { change?: Change | null };

export interface Summary extends Omit<SummaryFigures, "n" | "index" | "smallSample" | "aspects" | "elements" | "units"> {
  survey: string;
  period: { from: string; to: string };
  scope: { unit: string; service: string | null; channel: string | null; mapping: UnitMapping };
  method: {
    aggregation: IndexModel["aggregation"];
    parentAggregation: IndexModel["parentAggregation"];
    /** The version whose model the headline uses; `shared-items`: a design break, the newest model over the items every version asks. */
    modelVersion: number;
    headline: "version-model" | "shared-items";
    interval: { items: "wilson"; composite: "respondent-bootstrap"; replicates: number; seed: number; sampled: number };
  };
  n: number;
  index: number | null;
  ci95: Interval | null;
  target: number | null;
  targetScope: ChosenTarget["scope"] | null;
  meetsTarget: boolean | null;
  smallSample: boolean;
  aspects: Array<SummaryFigures["aspects"][number] & Ci & Changed>;
  elements: Array<SummaryFigures["elements"][number] & Ci & Targeted & Changed>;
  items: Array<SummaryFigures["items"][number] & Changed>;
  /** `tiedWithLeader`: the unit's interval overlaps the leader's (null without intervals). */
  units: Array<RankedRow & Ci & Targeted & Changed & { tiedWithLeader: boolean | null }>;
  /** With `compare`/`compareFrom`: the period compared with, and `change` on every figure. */
  comparedWith?: { from: string; to: string };
  change?: Change | null;
  /** The period holds responses of versions whose models differ (items, grouping or aggregation). */
  designBreak: boolean;
  /** With a design break: each version's figures with its own model (else empty). */
  versions: VersionFigures[];
  /** Counter figures (null fields where they do not apply); null only when not asked for. */
  counter: CounterFigures | null;
  /** Health forms: share who would return or recommend (option "co-the" or "chac-chan"); null for other surveys. */
  wouldReturn: ShareFigure | null;
  /** Perception indicators (shares per option with n and Wilson intervals, per direct child too); [] when the form has none. */
  indicators: IndicatorFigures[];
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
  const choice = await reportModel(db, scope);
  return { version, model: choice.model, choice, unit, service, mapping, units, scope };
}

export interface SummaryOptions {
  /** Bootstrap every child unit too (dashboards; the API with `intervals=units`): one small bootstrap per child. */
  unitIntervals?: boolean;
  /** false: no bootstrap at all (comparisons with a previous period, channel splits). */
  intervals?: boolean;
  /** false: no counter figures (`counter: null`). */
  counter?: boolean;
}

/** Direct children and services with their responses: "sample reached" is judged per part. */
function coverageParts(units: Awaited<ReturnType<typeof unitScope>>, services: Array<{ id: number; code: string }>, figures: SummaryFigures): CoverageParts {
  return {
    childOf: units.childOf,
    childCode: new Map(units.children.map((c) => [c.id, c.code])),
    serviceCode: new Map(services.map((s) => [s.id, s.code])),
    unitResponses: new Map(figures.units.map((u) => [u.code, u.n])),
    serviceResponses: new Map(figures.services.map((s) => [s.code, s.n])),
  };
}

export async function buildSummary(db: Db, query: SummaryQuery, access: ReportAccess, options: SummaryOptions = {}): Promise<Summary> {
  const now = await buildFigures(db, query, access, options);
  const compareWith = query.compareFrom && query.compareTo ? { from: query.compareFrom, to: query.compareTo } : query.compare === "previous" ? previousRange(query.from, query.to) : null;
  if (!compareWith) return now;
  const base = { ...query, ...compareWith, compare: undefined, compareFrom: undefined, compareTo: undefined };
  return withChange(now, await buildFigures(db, base, access, { ...options, counter: false }), compareWith);
}

async function buildFigures(db: Db, query: SummaryQuery, access: ReportAccess, options: SummaryOptions): Promise<Summary> {
  const { version, model, choice, unit, service, mapping, units, scope } = await resolveReport(db, query, access);
  const [counts, services, targets, versions] = await Promise.all([countsFor(db, scope, model), listServices(db), targetsOfSurvey(db, version.survey_id), versionFigures(db, scope, choice)]);
  const input = {
    model,
    ...counts,
    children: units.children.map((c) => ({ id: c.id, code: c.code, name: c.name })),
    childOf: units.childOf,
    tree: units.tree,
    services: new Map(services.map((s) => [s.id, { id: s.id, code: s.code, name: s.name }])),
  };
  const figures = summarize(input);
  const n = figures.n;
  const range = { from: query.from, to: query.to };
  // Independent reads: on PostgreSQL they run on two pooled connections at once.
  const definition = parsedVersion(db, version.id, version.content_hash).then((v) => v.definition);
  const [sample, counter, wouldReturn, indicators] = await Promise.all([
    options.intervals === false ? { all: [], byUnit: new Map() } : readSample(db, scope, range, model, n),
    options.counter === false ? null : definition.then((def) => counterFigures(db, scope, range, def, n, coverageParts(units, services, figures))),
    definition.then((def) => wouldReturnFigure(db, scope, def)),
    definition.then((def) => perceptionIndicators(db, scope, def, units.children, units.childOf)),
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
  const unitN = new Map(figures.units.map((u) => [u.code, u.n]));
  const perChild = (options.unitIntervals ?? query.intervals === "units") && options.intervals !== false
    ? await childSamples(db, scope, range, model, units.children.map((c) => ({ id: c.id, n: unitN.get(c.code) ?? 0 })), units.childOf)
    : new Map<number, SatisfactionVector[]>();
  return {
    survey: version.slug,
    period: { from: query.from, to: query.to },
    scope: { unit: unit.code, service: service?.code ?? null, channel: query.channel ?? null, mapping },
    method: {
      aggregation: model.aggregation,
      parentAggregation: model.parentAggregation,
      modelVersion: choice.present[0]?.version ?? version.version,
      headline: choice.designBreak ? "shared-items" : "version-model",
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
    units: withRankGroups(
      figures.units.map((u) => {
        const target = targetFor(targets, year, "unit", u.code) ?? overall;
        return { ...u, ci95: unitInterval(model, perChild.get(childIds.get(u.code)!), u.n, u.index), target, meetsTarget: meetsTarget(u.index, target) };
      }),
    ),
    designBreak: choice.designBreak,
    versions,
    counter,
    wouldReturn,
    indicators,
  };
}
