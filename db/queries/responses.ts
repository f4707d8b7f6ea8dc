import type { Kysely } from "kysely";
import type { RollupCell } from "../schema-rollups";
import type { Channel, Database, NewAnswer, NewResponse } from "../schema";
import { rollupIncrements } from "./rollup-writes";
import { runWrites, type Write } from "./write-batch";

type Db = Kysely<Database>;

export type { RollupCell };

/** Everything one insert needs, prepared outside the transaction. */
export interface PreparedInsert {
  response: NewResponse & { channel: Channel };
  answers: NewAnswer[];
  month: string;
  cells: RollupCell[];
}

export async function takenDossiers(db: Db, pairs: Array<{ surveyId: number; dossierHash: string }>): Promise<Set<string>> {
  if (!pairs.length) return new Set();
  const rows = await db
    .selectFrom("response")
    .select(["survey_id", "dossier_hash"])
    .where("dossier_hash", "in", pairs.map((p) => p.dossierHash))
    .execute();
  return new Set(rows.map((r) => `${r.survey_id}:${r.dossier_hash}`));
}

/**
 * What the group commit must know before inserting, in one round trip: which of these ids
 * are stored (with their content hash) and which of these dossiers are rated.
 */
export async function findStored(db: Db, ids: string[], dossierHashes: string[]) {
  if (!ids.length && !dossierHashes.length) return { hashes: new Map<string, string>(), dossiers: new Set<string>() };
  const rows = await db
    .selectFrom("response")
    .select(["id", "content_hash", "survey_id", "dossier_hash"])
    .where((eb) => eb.or([...(ids.length ? [eb("id", "in", ids)] : []), ...(dossierHashes.length ? [eb("dossier_hash", "in", dossierHashes)] : [])]))
    .execute();
  const idSet = new Set(ids);
  return {
    hashes: new Map(rows.filter((r) => idSet.has(r.id)).map((r) => [r.id, r.content_hash])),
    dossiers: new Set(rows.filter((r) => r.dossier_hash).map((r) => `${r.survey_id}:${r.dossier_hash}`)),
  };
}

const chunk = <T>(rows: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/**
 * Inserts responses, their answers and the roll-up increments. Call inside one
 * transaction: the roll-ups must never disagree with the raw rows. Increments are summed
 * per cell first, because one upsert statement may touch a row only once (PostgreSQL).
 */
export async function insertResponses(db: Db, items: PreparedInsert[]): Promise<void> {
  if (!items.length) return;
  const writes: Write[] = [];
  for (const part of chunk(items.map((i) => i.response), 500)) writes.push(db.insertInto("response").values(part));
  for (const part of chunk(items.flatMap((i) => i.answers), 1000)) writes.push(db.insertInto("answer").values(part));
  await runWrites(db, [...writes, ...rollupWrites(db, items, 1)]);
}

/** What a response contributes to the roll-ups. */
type RollupItem = {
  response: Pick<NewResponse, "id" | "survey_id" | "survey_version_id" | "unit_id" | "service_id"> & { channel: Channel };
  month: string;
  cells: RollupCell[];
};

/**
 * Adds (`sign` 1) or takes back (`sign` -1) the roll-up cells of responses: the fine
 * month × unit × service × channel cells and the coarse per-unit and per-service ones.
 */
function rollupWrites(db: Db, items: RollupItem[], sign: 1 | -1): Write[] {
  const responseCells = new Map<string, { survey_id: number; survey_version_id: number; month: string; unit_id: number; service_id: number; channel: Channel; count: number }>();
  const answerCells = new Map<string, { survey_id: number; survey_version_id: number; month: string; unit_id: number; service_id: number; channel: Channel; question_id: string; code: number; count: number }>();
  for (const item of items) {
    const r = item.response;
    const base = {
      survey_id: r.survey_id,
      survey_version_id: r.survey_version_id,
      month: item.month,
      unit_id: r.unit_id,
      service_id: r.service_id ?? 0,
      channel: r.channel,
    };
    const key = `${base.survey_id}|${base.survey_version_id}|${base.month}|${base.unit_id}|${base.service_id}|${base.channel}`;
    const rc = responseCells.get(key) ?? { ...base, count: 0 };
    rc.count += sign;
    responseCells.set(key, rc);
    for (const cell of item.cells) {
      const cellKey = `${key}|${cell.question_id}|${cell.code}`;
      const ac = answerCells.get(cellKey) ?? { ...base, question_id: cell.question_id, code: cell.code, count: 0 };
      ac.count += sign;
      answerCells.set(cellKey, ac);
    }
  }
  return rollupCellWrites(db, [...responseCells.values()], [...answerCells.values()]);
}

export type ResponseCell = Database["rollup_response"];
export type AnswerCell = Database["rollup_answer"];

/**
 * The writes adding fine cells (distinct, counts may be negative) to the fine roll-ups and,
 * summed, to the coarse per-unit and per-service ones: every roll-up change goes through here.
 */
export function rollupCellWrites(db: Db, responses: ResponseCell[], answers: AnswerCell[]): Write[] {
  return [
    ...rollupIncrements(db, "rollup_response", responses),
    ...rollupIncrements(db, "rollup_answer", answers),
    ...coarseRollupWrites(db, responses, answers),
  ];
}

type Cell = { survey_id: number; month: string; unit_id: number; service_id: number; channel: Channel; count: number; question_id?: string; code?: number };

/** Sums cells under a key (the same row may be touched only once per upsert statement). */
function regroup<T extends object>(cells: Cell[], key: (c: Cell, channel: string, period: string) => T): Array<T & { count: number }> {
  const out = new Map<string, T & { count: number }>();
  for (const c of cells) {
    for (const channel of [c.channel, "*"]) {
      for (const period of [c.month, c.month.slice(0, 4)]) {
        const row = key(c, channel, period);
        const k = Object.values(row).join("|");
        const prev = out.get(k);
        if (prev) prev.count += c.count;
        else out.set(k, { ...row, count: c.count });
      }
    }
  }
  return [...out.values()];
}

/** The per-unit and per-service roll-ups of migration 0004 (month and year rows), in the same transaction. */
function coarseRollupWrites(db: Db, responses: Cell[], answers: Cell[]): Write[] {
  const served = (cells: Cell[]) => cells.filter((c) => c.service_id !== 0);
  const unitAnswers = regroup(answers, (c, channel, period) => ({ survey_id: c.survey_id, channel, unit_id: c.unit_id, question_id: c.question_id!, code: c.code!, period }));
  const unitResponses = regroup(responses, (c, channel, period) => ({ survey_id: c.survey_id, channel, unit_id: c.unit_id, period }));
  const serviceAnswers = regroup(served(answers), (c, channel, period) => ({ survey_id: c.survey_id, channel, service_id: c.service_id, question_id: c.question_id!, code: c.code!, period }));
  const serviceResponses = regroup(served(responses), (c, channel, period) => ({ survey_id: c.survey_id, channel, service_id: c.service_id, period }));
  return [
    ...rollupIncrements(db, "rollup_unit_answer", unitAnswers),
    ...rollupIncrements(db, "rollup_unit_response", unitResponses),
    ...rollupIncrements(db, "rollup_service_answer", serviceAnswers),
    ...rollupIncrements(db, "rollup_service_response", serviceResponses),
  ];
}

/**
 * Deletes one response (a legal request) and takes it back out of the roll-ups it was added
 * to. `cells` must be the ones its insert added (rollupCells over its stored answers). Call
 * inside one transaction, like insertResponses: roll-ups never disagree with the raw rows.
 */
export async function deleteResponse(db: Db, item: RollupItem): Promise<void> {
  const r = item.response;
  await runWrites(db, rollupWrites(db, [item], -1));
  // Cells that fell to zero go, as if the response had never been counted.
  for (const table of ["rollup_response", "rollup_answer", "rollup_unit_response", "rollup_unit_answer"] as const) {
    await db.deleteFrom(table).where("survey_id", "=", r.survey_id).where("unit_id", "=", r.unit_id).where("count", "<=", 0).execute();
  }
  for (const table of ["rollup_service_response", "rollup_service_answer"] as const) {
    await db.deleteFrom(table).where("survey_id", "=", r.survey_id).where("count", "<=", 0).execute();
  }
  await db.deleteFrom("answer").where("response_id", "=", r.id).execute();
  await db.deleteFrom("response").where("id", "=", r.id).execute();
}
