import { z } from "zod";
import type { Db } from "../../db/index";
import { frameStrata, getRound, roundRespondents } from "../../db/queries/rounds";
import { listServices } from "../../db/queries/services";
import { subtreeIds } from "../../db/queries/units";
import { stratifiedInterval, stratumWeights, weightedCells, type Respondent } from "~/metrics/round-weights";
import { summarize } from "~/metrics/summary";
import type { RollupCell } from "~/survey/rollup-cells";
import { ApiError, zodFields } from "./api-error.server";
import { assertCanReport } from "./report.server";
import { scopeUnit, unitScope } from "./report-scope.server";
import type { Principal } from "./principal.server";
import { parsedVersion, versionCells } from "./survey-versions.server";

// GET /api/v1/reports/summary?survey=…&round=ID: a round's figures from its own respondents
// only (never kiosk census ratings), each weighted by its stratum's design weight
// w_h = N_h / r_h (app/metrics/round-weights.ts), or unweighted with weighting=none.

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const roundSummaryQuerySchema = z.strictObject({
  survey: z.string().min(1).max(64),
  round: z.coerce.number().int().positive(),
  unit: z.string().min(1).max(64).optional(),
  weighting: z.enum(["design", "none"]).default("design"),
  from: date.optional(),
  to: date.optional(),
});

export async function buildRoundSummary(db: Db, params: URLSearchParams, principal: Principal) {
  assertCanReport(principal);
  const parsed = roundSummaryQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new ApiError("invalid", "errors.invalid", zodFields(parsed.error.issues));
  const q = parsed.data;
  const round = await getRound(db, q.round);
  if (!round) throw new ApiError("invalid", "errors.invalid", { round: { key: "rounds.validation.unknownRound" } });
  if (round.survey_slug !== q.survey) throw new ApiError("invalid", "errors.invalid", { survey: { key: "rounds.validation.roundSurvey" } });
  const access = { unitId: principal.unitId };
  const unit = await scopeUnit(db, q.unit ?? round.unit_code, access);
  const inside = new Set(await subtreeIds(db, unit.id));

  const versionRow = await db.selectFrom("survey_version").select(["id", "content_hash"]).where("id", "=", round.survey_version_id).executeTakeFirstOrThrow();
  const { indexModel: model } = await parsedVersion(db, versionRow.id, versionRow.content_hash);
  const [strata, rows, cellsOf, services, scope] = await Promise.all([
    frameStrata(db, round.id),
    roundRespondents(db, round.id),
    versionCells(db, round.survey_id),
    listServices(db),
    unitScope(db, unit, "as-was"),
  ]);
  const frame = new Map(strata.filter((s) => inside.has(s.unit_id)).map((s) => [s.unit_id, Number(s.N)]));
  const respondents: Respondent[] = rows
    .filter((r) => frame.has(r.unit_id))
    .map((r) => {
      const cells: RollupCell[] = [];
      cellsOf(r.survey_version_id, r.answers_folded, (question_id, code) => cells.push({ question_id, code }));
      return { unitId: r.unit_id, serviceId: r.service_id ?? 0, cells };
    });
  const weights = stratumWeights(frame, respondents, q.weighting);
  const weighted = weightedCells(respondents, weights);
  const figures = summarize({
    model,
    ...weighted,
    children: scope.children.map((c) => ({ id: c.id, code: c.code, name: c.name })),
    childOf: scope.childOf,
    services: new Map(services.map((s) => [s.id, { id: s.id, code: s.code, name: s.name }])),
    includeSmallInRanking: true,
  });
  const codeOf = new Map(strata.map((s) => [s.unit_id, s.code]));
  return {
    survey: round.survey_slug,
    round: { id: round.id, name: round.name, status: round.status },
    period: { from: round.date_from, to: round.date_to },
    scope: { unit: unit.code, service: null, channel: null, mapping: "as-was" as const },
    weighting: q.weighting,
    method: { aggregation: model.aggregation, parentAggregation: model.parentAggregation, interval: { items: q.weighting === "design" ? "stratified-normal" : "wilson" } },
    design: { strata: weights.map((w) => ({ unit: codeOf.get(w.unitId) ?? "", N: w.N, r: w.r, weight: w.weight })) },
    ...figures,
    items: q.weighting === "design" ? figures.items.map((i) => ({ ...i, ci95: itemInterval(i.id, respondents, weights) })) : figures.items,
  };
}

/** The item's stratified 95% interval from the unweighted counts of each stratum. */
function itemInterval(itemId: string, respondents: Respondent[], weights: ReturnType<typeof stratumWeights>): [number, number] | null {
  const per = new Map(weights.map((w) => [w.unitId, { N: w.N, valid: 0, satisfied: 0 }]));
  for (const p of respondents) {
    const s = per.get(p.unitId);
    if (!s) continue;
    for (const c of p.cells) {
      if (c.question_id !== itemId || c.code < 1 || c.code > 5) continue;
      s.valid += 1;
      if (c.code >= 4) s.satisfied += 1;
    }
  }
  return stratifiedInterval([...per.values()]);
}
