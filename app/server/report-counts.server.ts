import type { Db } from "../../db/index";
import { responseRollups, serviceRollup, unitRollup, type CountCell, type CountScope, type ParticipationGroup, type SummaryCounts } from "../../db/queries/report-counts";
import { scopePages } from "../../db/queries/report-rows";
import type { EmitCell } from "../../db/schema-rollups";
import { RawTally } from "~/metrics/raw-tally";

// A report's counts: whole months from the roll-ups (db/queries/report-counts.ts), the days
// outside whole months from the raw rows, tallied into the same cells as at insert.

/** Emits the roll-up cells of one stored response (its version, its folded answers), as its insert did. */
export type CellsOf = (versionId: number, folded: string, emit: EmitCell) => void;

/** Days outside whole months: the scope's responses read once and counted like the roll-ups. */
async function rawCounts(db: Db, s: CountScope, range: { from: string; to: string }, questionIds: string[], cellsOf: CellsOf) {
  const tally = new RawTally(questionIds);
  for await (const page of scopePages(db, s, range, 5000)) {
    for (const r of page) {
      tally.response(r.unit_id, r.service_id);
      cellsOf(r.survey_version_id, r.answers, tally.cell);
    }
  }
  return tally.result();
}

const numeric = <T extends { count: number | string; code?: number | string }>(rows: T[]): T[] =>
  rows.map((r) => ({ ...r, count: Number(r.count), ...(r.code === undefined ? {} : { code: Number(r.code) }) }));

/** push(...rows) passes every row as an argument: a province's raw cells overflow the stack. */
function append<T>(target: T[], rows: readonly T[]): void {
  for (const row of rows) target.push(row);
}

/**
 * Counts for a summary: answers (codes 1..5 only — missing answers never count) and
 * respondents per unit and per service, whole months from roll-ups, leftover days from
 * raw rows counted with `rawCells` (the same cells, so any date range is exact).
 */
export async function summaryCounts(db: Db, s: CountScope, itemIds: string[], groups: ParticipationGroup[], rawCells: () => Promise<CellsOf>): Promise<SummaryCounts> {
  const out: SummaryCounts = { cells: [], responses: [], serviceCells: [], serviceResponses: [] };
  const questionIds = [...itemIds, ...groups.map((g) => g.key)];
  const none = () => Promise.resolve([] as CountCell[]);
  if (s.months.length) {
    const [cells, serviceCells, responses] = await Promise.all([
      questionIds.length ? unitRollup(db, s, questionIds) : none(),
      questionIds.length ? serviceRollup(db, s, questionIds) : none(),
      responseRollups(db, s),
    ]);
    append(out.cells, cells);
    append(out.serviceCells, serviceCells);
    append(out.responses, responses.units);
    append(out.serviceResponses, responses.services);
  }
  const cellsOf = s.days.length ? await rawCells() : null;
  for (const range of s.days) {
    const raw = await rawCounts(db, s, range, questionIds, cellsOf!);
    append(out.cells, raw.cells);
    append(out.serviceCells, raw.serviceCells);
    append(out.responses, raw.responses);
    append(out.serviceResponses, raw.serviceResponses);
  }
  return { cells: numeric(out.cells), responses: numeric(out.responses), serviceCells: numeric(out.serviceCells), serviceResponses: numeric(out.serviceResponses) };
}
