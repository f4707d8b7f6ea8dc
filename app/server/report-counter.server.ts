import type { Db } from "../../db/index";
import type { CountScope } from "../../db/queries/report-counts";
import { summaryCounts } from "./report-counts.server";
import { dossierCounts, scoreHistogram } from "../../db/queries/report-extra";
import { dossierScore, qd766Ratio, ratingShares, sampleCoverage, smileyShares, OVERALL_LEVELS } from "~/metrics/dossier";
import { indicatorFigures, PERCEPTION_SECTIONS, type IndicatorFigures } from "~/metrics/indicators";
import { optionShare, RETURN_OPTIONS, RETURN_QUESTION, type ShareFigure } from "~/metrics/health";
import { partCoverage, proRata, type DossierRow } from "~/metrics/dossier-period";
import { monthOf } from "~/metrics/periods";
import type { SurveyDefinition } from "~/survey/types";
import { versionCells } from "./survey-versions.server";

/** The 3-level overall rating and the 9 point indicators of the per-dossier form (danh-gia-tthc). */
const OVERALL_QUESTION = "muc-do-hai-long";

/** Codes a question got, from the roll-ups (whole months) and raw rows (days). */
async function codesOf(db: Db, scope: CountScope, questionId: string): Promise<Map<number, number>> {
  const counts = await summaryCounts(db, scope, [questionId], [], () => versionCells(db, scope.surveyId));
  const out = new Map<number, number>();
  for (const c of counts.cells) if (c.question_id === questionId) out.set(c.code, (out.get(c.code) ?? 0) + c.count);
  return out;
}

/**
 * Counter figures where they apply: 3-level shares and the 18-point score (per-dossier
 * form), smiley shares (quick rating), and, with imported dossier counts, response rate,
 * sample reached and the QĐ 766 indicator. Raw rows for the score: it needs each dossier's total.
 * Complaints come with the dossier counts; `complaints` is null when no row of the scope
 * reported them, and QĐ 766 is then computed without them (the page says so).
 */
/** Who the parts of a report are, to judge "sample reached" per unit (direct child) and per service. */
export interface CoverageParts {
  childOf: ReadonlyMap<number, number>;
  childCode: ReadonlyMap<number, string>;
  serviceCode: ReadonlyMap<number, string>;
  unitResponses: ReadonlyMap<string, number>;
  serviceResponses: ReadonlyMap<string, number>;
}

function sumBy(rows: DossierRow[], key: (r: DossierRow) => string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k !== undefined) out.set(k, (out.get(k) ?? 0) + r.count);
  }
  return out;
}

export async function counterFigures(db: Db, scope: CountScope, range: { from: string; to: string }, def: SurveyDefinition, n: number, parts: CoverageParts) {
  const questions = def.sections.flatMap((s) => s.questions);
  const overall = questions.find((q) => q.id === OVERALL_QUESTION && q.type === "single");
  const smiley = questions.find((q) => q.type === "smiley");
  const indicators = questions.filter((q) => q.type === "single" && q.options.length === 3 && q.options.every((o) => ["0", "1", "2"].includes(o.id)));
  const levels = overall ? ratingShares(OVERALL_LEVELS, await codesOf(db, scope, overall.id)) : null;
  // Part months count their dossiers pro rata by day, like the ratings of those days (issue 13.6).
  const rows = proRata(await dossierCounts(db, scope, monthOf(range.from), monthOf(range.to)), range);
  const dossiers = rows.reduce((s, r) => s + r.count, 0);
  const imported = dossiers > 0 ? dossiers : null;
  const reporting = rows.filter((r) => r.complaints !== null);
  // `dossiers`: those of the rows that reported complaints (fewer than all when some did not).
  const complaints = reporting.length ? { count: reporting.reduce((s, r) => s + r.complaints!, 0), dossiers: reporting.reduce((s, r) => s + r.count, 0) } : null;
  const total = sampleCoverage(imported, n);
  const coverage = total && {
    ...total,
    basis: "pro-rata-days" as const,
    units: partCoverage(sumBy(rows, (r) => parts.childCode.get(parts.childOf.get(r.unit_id) ?? -1)), parts.unitResponses),
    services: partCoverage(sumBy(rows, (r) => parts.serviceCode.get(r.service_id)), parts.serviceResponses),
  };
  const notSatisfied = levels?.find((l) => l.id === "khong-hai-long")?.count ?? 0;
  return {
    levels,
    smiley: smiley ? smileyShares(await codesOf(db, scope, smiley.id)) : null,
    score: indicators.length === 9 ? dossierScore(await scoreHistogram(db, scope, range, indicators.map((q) => q.id))) : null,
    coverage,
    complaints,
    qd766: levels ? qd766Ratio(imported, notSatisfied, complaints?.count ?? 0) : null,
  };
}

export type CounterFigures = Awaited<ReturnType<typeof counterFigures>>;

/** Share who would return or recommend (the health forms' `quay-lai`); null for other surveys. */
export async function wouldReturnFigure(db: Db, scope: CountScope, def: SurveyDefinition): Promise<ShareFigure | null> {
  const question = def.sections.flatMap((s) => s.questions).find((q) => q.id === RETURN_QUESTION && q.type === "single");
  if (!question || question.type !== "single") return null;
  return optionShare(question.options.map((o) => o.id), await codesOf(db, scope, question.id), RETURN_OPTIONS);
}

/** Perception indicators of the version (single-choice questions of its perception sections), from roll-ups and raw days. */
export async function perceptionIndicators(db: Db, scope: CountScope, def: SurveyDefinition, children: ReadonlyArray<{ id: number; code: string }>, childOf: ReadonlyMap<number, number>): Promise<IndicatorFigures[]> {
  const questions = def.sections.filter((s) => PERCEPTION_SECTIONS.includes(s.id)).flatMap((s) => s.questions.flatMap((q) => (q.type === "single" ? [{ id: q.id, options: q.options.map((o) => o.id) }] : [])));
  if (!questions.length) return [];
  const counts = await summaryCounts(db, scope, questions.map((q) => q.id), [], () => versionCells(db, scope.surveyId));
  return questions.map((q) => indicatorFigures(q, counts.cells, children, childOf));
}
