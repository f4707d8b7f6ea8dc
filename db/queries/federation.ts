import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { rollupCellWrites, type AnswerCell, type ResponseCell } from "./responses";
import { runWrites } from "./write-batch";

type Db = Kysely<Database>;

// Federation of provinces (issue 15.5): a province sends its fine roll-up cells per survey
// version × month, never a response; the national instance replaces that snapshot.

/** One fine cell of a snapshot, by codes (ids differ between instances). `service` null = none given. */
export interface SnapshotCell {
  unit: string;
  service: string | null;
  channel: string;
  count: number;
  question?: string;
  code?: number;
}

/** The (survey, version, month) snapshots a province has: every month with responses in its subtree. */
export async function provinceSnapshots(db: Db, rootId: number) {
  return db
    .selectFrom("rollup_response as r")
    .innerJoin("unit_closure as c", (j) => j.onRef("c.descendant_id", "=", "r.unit_id").on("c.ancestor_id", "=", rootId))
    .innerJoin("survey_version as v", "v.id", "r.survey_version_id")
    .innerJoin("survey as s", "s.id", "r.survey_id")
    .select(["s.slug", "v.version", "r.survey_version_id", "r.month"])
    .distinct()
    .orderBy("s.slug")
    .orderBy("v.version")
    .orderBy("r.month")
    .execute();
}

/** A snapshot's cells, by codes. */
export async function snapshotCells(db: Db, rootId: number, versionId: number, month: string): Promise<{ responses: SnapshotCell[]; answers: SnapshotCell[] }> {
  const responses = await db
    .selectFrom("rollup_response as r")
    .innerJoin("unit_closure as c", (j) => j.onRef("c.descendant_id", "=", "r.unit_id").on("c.ancestor_id", "=", rootId))
    .innerJoin("unit as u", "u.id", "r.unit_id")
    .leftJoin("service as s", "s.id", "r.service_id")
    .where("r.survey_version_id", "=", versionId)
    .where("r.month", "=", month)
    .where("r.count", ">", 0)
    .select(["u.code as unit", "s.code as service", "r.channel", "r.count"])
    .execute();
  const answers = await db
    .selectFrom("rollup_answer as r")
    .innerJoin("unit_closure as c", (j) => j.onRef("c.descendant_id", "=", "r.unit_id").on("c.ancestor_id", "=", rootId))
    .innerJoin("unit as u", "u.id", "r.unit_id")
    .leftJoin("service as s", "s.id", "r.service_id")
    .where("r.survey_version_id", "=", versionId)
    .where("r.month", "=", month)
    .where("r.count", ">", 0)
    .select(["u.code as unit", "s.code as service", "r.channel", "r.question_id as question", "r.code", "r.count"])
    .execute();
  return { responses, answers };
}

/**
 * Replaces the snapshot of one province × survey version × month: the difference between the
 * cells stored for the province's subtree and the new ones goes through the roll-up writer
 * (fine and coarse tables stay equal, as after inserts), and cells left at zero go.
 * Call inside a transaction. Cells carry national unit and service ids.
 */
export async function replaceSnapshot(db: Db, s: { rootId: number; surveyId: number; versionId: number; month: string; responses: ResponseCell[]; answers: AnswerCell[] }): Promise<void> {
  const scope = <T extends "rollup_response" | "rollup_answer">(table: T) =>
    db
      .selectFrom(`${table} as r` as "rollup_answer as r")
      .innerJoin("unit_closure as c", (j) => j.onRef("c.descendant_id", "=", "r.unit_id").on("c.ancestor_id", "=", s.rootId))
      .where("r.survey_version_id", "=", s.versionId)
      .where("r.month", "=", s.month);
  const oldResponses = await scope("rollup_response").select(["r.survey_id", "r.survey_version_id", "r.month", "r.unit_id", "r.service_id", "r.channel", "r.count"]).execute();
  const oldAnswers = await scope("rollup_answer").select(["r.survey_id", "r.survey_version_id", "r.month", "r.unit_id", "r.service_id", "r.channel", "r.question_id", "r.code", "r.count"]).execute();
  const net = <T extends ResponseCell>(olds: T[], news: T[], key: (c: T) => string): T[] => {
    const cells = new Map<string, T>();
    for (const [rows, sign] of [[olds, -1], [news, 1]] as const) {
      for (const c of rows) {
        const k = key(c);
        const prev = cells.get(k);
        if (prev) prev.count += sign * c.count;
        else cells.set(k, { ...c, count: sign * c.count });
      }
    }
    return [...cells.values()].filter((c) => c.count !== 0);
  };
  const cellKey = (c: ResponseCell) => `${c.unit_id}|${c.service_id}|${c.channel}`;
  const responses = net(oldResponses as ResponseCell[], s.responses, cellKey);
  const answers = net(oldAnswers as AnswerCell[], s.answers, (c) => `${cellKey(c)}|${c.question_id}|${c.code}`);
  await runWrites(db, rollupCellWrites(db, responses, answers));
  for (const table of ["rollup_response", "rollup_answer", "rollup_unit_response", "rollup_unit_answer", "rollup_service_response", "rollup_service_answer"] as const) {
    await db.deleteFrom(table).where("survey_id", "=", s.surveyId).where("count", "<=", 0).execute();
  }
}
