import { z } from "zod";
import { itemCounts, responseCounts } from "../../db/queries/report-counts";
import { getServiceByCode, listServices } from "../../db/queries/services";
import { getReportVersion } from "../../db/queries/surveys";
import { targetsFor } from "../../db/queries/targets";
import { directChildOf, getUnitByCode, isInSubtree, listChildren } from "../../db/queries/units";
import type { Db } from "../../db/index";
import { isCalendarDate, splitPeriod } from "~/metrics/periods";
import { summarize, type SummaryFigures } from "~/metrics/summary";
import { meetsTarget, targetForYear } from "~/metrics/targets";
import type { IndexModel } from "~/survey/types";
import { ApiError, zodFields } from "./api-error.server";
import { REPORT_ROLES, hasRole, type Principal, type RolePrincipal } from "./principal.server";

const date = z.string().refine(isCalendarDate);

export const summaryQuerySchema = z
  .strictObject({
    survey: z.string().min(1).max(64),
    from: date,
    to: date,
    unit: z.string().min(1).max(64).optional(),
    service: z.string().min(1).max(64).optional(),
    channel: z.enum(["kiosk", "online", "paper"]).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ["from"], message: "from after to" });

export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

/** Search params → a checked query, or a 400 with the API error shape. */
export function parseSummaryQuery(params: URLSearchParams): SummaryQuery {
  const result = summaryQuerySchema.safeParse(Object.fromEntries(params));
  if (result.success) return result.data;
  const fields = zodFields(result.error.issues);
  if (fields.from && result.error.issues.some((i) => i.code === "custom")) fields.from = { key: "validation.fromAfterTo" };
  throw new ApiError("invalid", "errors.invalid", fields);
}

export interface Summary extends Omit<SummaryFigures, "n" | "index" | "smallSample"> {
  survey: string;
  period: { from: string; to: string };
  scope: { unit: string; service: string | null };
  method: { aggregation: IndexModel["aggregation"]; parentAggregation: IndexModel["parentAggregation"] };
  n: number;
  index: number | null;
  ci95: [number, number] | null;
  target: number | null;
  meetsTarget: boolean | null;
  smallSample: boolean;
}

/** Who may see reports (API tokens and signed-in users alike), and of which subtree. */
export function assertCanReport(principal: Principal): asserts principal is RolePrincipal {
  if (principal.kind === "anonymous") throw new ApiError("unauthorized", "errors.unauthorized");
  if (!hasRole(principal, REPORT_ROLES)) throw new ApiError("forbidden", "errors.forbidden");
}

/** The part of the unit tree a caller may read: a subtree root, or null for all of it. */
export interface ReportAccess {
  unitId: number | null;
}

async function scopeUnit(db: Db, code: string | undefined, access: ReportAccess) {
  if (code) {
    const unit = await getUnitByCode(db, code);
    if (!unit) throw new ApiError("invalid", "errors.invalid", { unit: { key: "validation.unknownUnit" } });
    if (access.unitId !== null && !(await isInSubtree(db, access.unitId, unit.id))) {
      throw new ApiError("forbidden", "errors.otherUnit");
    }
    return unit;
  }
  if (access.unitId !== null) return (await db.selectFrom("unit").selectAll().where("id", "=", access.unitId).executeTakeFirst())!;
  const roots = await db.selectFrom("unit").selectAll().where("parent_id", "is", null).where("valid_to", "is", null).execute();
  if (roots.length !== 1) throw new ApiError("invalid", "errors.invalid", { unit: { key: "validation.required" } });
  return roots[0];
}

export async function buildSummary(db: Db, query: SummaryQuery, access: ReportAccess): Promise<Summary> {
  const version = await getReportVersion(db, query.survey);
  if (!version) throw new ApiError("invalid", "errors.invalid", { survey: { key: "validation.unknownSurvey" } });
  const unit = await scopeUnit(db, query.unit, access);
  const service = query.service ? await getServiceByCode(db, query.service) : undefined;
  if (query.service && !service) throw new ApiError("invalid", "errors.invalid", { service: { key: "validation.unknownService" } });

  const model = JSON.parse(version.index_model) as IndexModel;
  const items = model.aspects.flatMap((a) => a.elements.flatMap((e) => e.items));
  const groups = [
    ...model.aspects.flatMap((a) => a.elements.map((e) => ({ key: `@el/${e.id}`, items: e.items }))),
    ...model.aspects.map((a) => ({ key: `@as/${a.id}`, items: a.elements.flatMap((e) => e.items) })),
  ];
  const scope = {
    surveyId: version.survey_id,
    rootUnitId: unit.id,
    serviceId: service?.id,
    channel: query.channel,
    ...splitPeriod(query.from, query.to),
  };
  const [cells, responses, children, childOf, services, targets] = await Promise.all([
    itemCounts(db, scope, items, groups),
    responseCounts(db, scope),
    listChildren(db, unit.id),
    directChildOf(db, unit.id),
    listServices(db),
    targetsFor(db, version.survey_id, "overall"),
  ]);
  const figures = summarize({
    model,
    cells,
    responses,
    children: children.map((c) => ({ id: c.id, code: c.code, name: c.name })),
    childOf,
    services: new Map(services.map((s) => [s.id, { id: s.id, code: s.code, name: s.name }])),
  });
  const target = targetForYear(targets, Number(query.to.slice(0, 4)));
  return {
    survey: version.slug,
    period: { from: query.from, to: query.to },
    scope: { unit: unit.code, service: service?.code ?? null },
    method: { aggregation: model.aggregation, parentAggregation: model.parentAggregation },
    ...figures,
    // Interval of a composite index needs respondent-level resampling: see docs/decisions/002.
    ci95: null,
    target,
    meetsTarget: meetsTarget(figures.index, target),
  };
}
