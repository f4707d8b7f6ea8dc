import type { Kysely } from "kysely";
import type { Database, RoundStatus } from "../schema";

// Survey rounds (migration 0012): the round, its frame and its sample.

type Db = Kysely<Database>;

const chunk = <T>(rows: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

export interface NewRound {
  name: string;
  surveyId: number;
  versionId: number;
  unitId: number;
  from: string;
  to: string;
  margin: number;
  overdraw: number;
  seed: string;
  createdBy: string;
}

export async function insertRound(db: Db, r: NewRound, now: string): Promise<number> {
  const row = await db
    .insertInto("survey_round")
    .values({
      name: r.name, survey_id: r.surveyId, survey_version_id: r.versionId, unit_id: r.unitId, date_from: r.from, date_to: r.to,
      margin: r.margin, overdraw: r.overdraw, seed: r.seed, status: "draft", created_by: r.createdBy, created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const roundColumns = [
  "r.id", "r.name", "r.survey_id", "r.survey_version_id", "r.unit_id", "r.date_from", "r.date_to", "r.margin", "r.overdraw", "r.seed",
  "r.status", "r.frame_rows", "r.created_by", "r.created_at", "r.drawn_at", "r.closed_at", "s.slug as survey_slug", "v.version as survey_version",
  "u.code as unit_code", "u.name as unit_name",
] as const;

function rounds(db: Db) {
  return db
    .selectFrom("survey_round as r")
    .innerJoin("survey as s", "s.id", "r.survey_id")
    .innerJoin("survey_version as v", "v.id", "r.survey_version_id")
    .innerJoin("unit as u", "u.id", "r.unit_id")
    .select(roundColumns);
}

export function getRound(db: Db, id: number) {
  return rounds(db).where("r.id", "=", id).executeTakeFirst();
}
export type RoundRow = NonNullable<Awaited<ReturnType<typeof getRound>>>;

/** Rounds whose scope unit lies in the subtree of `unitId` (all of them for null). */
export function listRounds(db: Db, unitId: number | null) {
  let q = rounds(db);
  if (unitId !== null) q = q.where("r.unit_id", "in", db.selectFrom("unit_closure").select("descendant_id").where("ancestor_id", "=", unitId));
  return q.orderBy("r.id", "desc").execute();
}

export async function setRoundStatus(db: Db, id: number, status: RoundStatus, extra: { drawn_at?: string; closed_at?: string; frame_rows?: number } = {}) {
  await db.updateTable("survey_round").set({ status, ...extra }).where("id", "=", id).execute();
}

export interface FrameInsert {
  row_no: number;
  unit_id: number;
  service_id: number;
  completed_date: string;
  dossier_hash: string;
  dossier_sealed: string;
  phone_hash: string | null;
  contact_sealed: string | null;
}

/** Replaces the round's frame (before the draw only; the caller checks). */
export async function replaceFrame(db: Db, roundId: number, rows: FrameInsert[]): Promise<void> {
  await db.deleteFrom("round_dossier").where("round_id", "=", roundId).execute();
  // 9 values a row: 3,000 rows stay under SQLite's 32,766 bound parameters.
  for (const part of chunk(rows, 3000)) await db.insertInto("round_dossier").values(part.map((r) => ({ ...r, round_id: roundId }))).execute();
  await db.updateTable("survey_round").set({ frame_rows: rows.length }).where("id", "=", roundId).execute();
}

/** N per stratum (unit), with the unit's code and name. */
export function frameStrata(db: Db, roundId: number) {
  return db
    .selectFrom("round_dossier as d")
    .innerJoin("unit as u", "u.id", "d.unit_id")
    .select(["d.unit_id", "u.code", "u.name", (eb) => eb.fn.countAll<number>().as("N")])
    .where("d.round_id", "=", roundId)
    .groupBy(["d.unit_id", "u.code", "u.name"])
    .orderBy("u.code")
    .execute();
}

/** The frame as the draw needs it, with "already rated in this survey" decided by the database. */
export function frameForDraw(db: Db, roundId: number, surveyId: number) {
  return db
    .selectFrom("round_dossier as d")
    .innerJoin("unit as u", "u.id", "d.unit_id")
    .select([
      "d.id", "d.unit_id", "d.service_id", "d.dossier_hash", "u.code as unit_code", "d.dossier_sealed", "d.phone_hash",
      (eb) =>
        eb.exists(eb.selectFrom("response as x").select("x.id").where("x.survey_id", "=", surveyId).whereRef("x.dossier_hash", "=", "d.dossier_hash")).as("rated"),
    ])
    .where("d.round_id", "=", roundId)
    .execute();
}

export interface SampleInsert {
  dossier_id: number;
  unit_id: number;
  draw_order: number;
  code_hash: string;
  code_sealed: string;
  token_sealed: string;
  invitation_id: number;
}

export interface InvitationInsert {
  token_hash: string;
  survey_id: number;
  unit_id: number;
  service_id: number;
  dossier_hash: string;
  expires_at: string;
}

/** Inserts invitations in bulk and returns their ids by token hash. */
export async function insertInvitations(db: Db, rows: InvitationInsert[], now: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunk(rows, 2000)) {
    await db.insertInto("invitation").values(part.map((r) => ({ ...r, created_at: now }))).execute();
    const back = await db.selectFrom("invitation").select(["id", "token_hash"]).where("token_hash", "in", part.map((r) => r.token_hash)).execute();
    for (const b of back) ids.set(b.token_hash, b.id);
  }
  return ids;
}

export async function insertSample(db: Db, roundId: number, rows: SampleInsert[]): Promise<void> {
  for (const part of chunk(rows, 3000)) await db.insertInto("round_sample").values(part.map((r) => ({ ...r, round_id: roundId }))).execute();
}

/** Code hashes among `hashes` that are already taken (codes are unique across rounds). */
export async function takenCodes(db: Db, hashes: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const part of chunk(hashes, 2000)) {
    for (const r of await db.selectFrom("round_sample").select("code_hash").where("code_hash", "in", part).execute()) taken.add(r.code_hash);
  }
  return taken;
}

/** One page of the sample (keyset by sample id), with what letters and files print. */
export function samplePage(db: Db, roundId: number, afterId: number, limit: number, opts: { unanswered?: boolean } = {}) {
  let q = db
    .selectFrom("round_sample as s")
    .innerJoin("round_dossier as d", "d.id", "s.dossier_id")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .innerJoin("service as sv", "sv.id", "d.service_id")
    .select([
      "s.id", "s.code_sealed", "s.token_sealed", "s.invited_at", "s.reminded_at", "s.undeliverable_at", "s.response_id", "d.dossier_sealed",
      "d.contact_sealed", "d.completed_date", "u.code as unit_code", "u.name as unit_name", "sv.code as service_code", "sv.name as service_name",
    ])
    .where("s.round_id", "=", roundId)
    .where("s.id", ">", afterId);
  if (opts.unanswered) q = q.where("s.response_id", "is", null).where("s.undeliverable_at", "is", null);
  return q.orderBy("s.id").limit(limit).execute();
}

export async function markInvited(db: Db, ids: number[], now: string, column: "invited_at" | "reminded_at" = "invited_at"): Promise<void> {
  for (const part of chunk(ids, 2000)) {
    await db.updateTable("round_sample").set({ [column]: now }).where("id", "in", part).where(column, "is", null).execute();
  }
}

/** A code's sample row with its round and dossier. */
export function findSampleByCode(db: Db, codeHash: string) {
  return db
    .selectFrom("round_sample as s")
    .innerJoin("survey_round as r", "r.id", "s.round_id")
    .innerJoin("round_dossier as d", "d.id", "s.dossier_id")
    .innerJoin("survey as sv", "sv.id", "r.survey_id")
    .innerJoin("survey_version as v", "v.id", "r.survey_version_id")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .innerJoin("service as se", "se.id", "d.service_id")
    .select([
      "s.id", "s.round_id", "s.response_id", "s.invitation_id", "r.status", "d.dossier_hash", "sv.slug as survey_slug", "v.version as survey_version",
      "u.code as unit_code", "se.code as service_code", "d.service_id",
    ])
    .where("s.code_hash", "=", codeHash)
    .executeTakeFirst();
}

export function sampleOfInvitation(db: Db, invitationId: number) {
  return db.selectFrom("round_sample").select(["id", "response_id"]).where("invitation_id", "=", invitationId).executeTakeFirst();
}

/** Per stratum: drawn, invited, undeliverable, responded by channel. */
export function sampleProgress(db: Db, roundId: number) {
  return db
    .selectFrom("round_sample")
    .select([
      "unit_id",
      "channel",
      (eb) => eb.fn.countAll<number>().as("drawn"),
      (eb) => eb.fn.count<number>("invited_at").as("invited"),
      (eb) => eb.fn.count<number>("undeliverable_at").as("undeliverable"),
      (eb) => eb.fn.count<number>("response_id").as("responded"),
    ])
    .where("round_id", "=", roundId)
    .groupBy(["unit_id", "channel"])
    .execute();
}

/** Marks drawn dossiers undeliverable by code hash; returns how many changed. */
export async function markUndeliverable(db: Db, roundId: number, codeHashes: string[], now: string): Promise<number> {
  let changed = 0;
  for (const part of chunk(codeHashes, 2000)) {
    const r = await db
      .updateTable("round_sample")
      .set({ undeliverable_at: now })
      .where("round_id", "=", roundId)
      .where("code_hash", "in", part)
      .where("undeliverable_at", "is", null)
      .executeTakeFirst();
    changed += Number(r.numUpdatedRows);
  }
  return changed;
}

/** The round's respondents: stratum, service and folded answers of each response. */
export function roundRespondents(db: Db, roundId: number) {
  return db
    .selectFrom("round_sample as s")
    .innerJoin("response as r", "r.id", "s.response_id")
    .select(["s.unit_id", "r.service_id", "r.survey_version_id", "r.answers_folded", "r.channel"])
    .where("s.round_id", "=", roundId)
    .orderBy("s.id")
    .execute();
}

/** Close: contacts, phone hashes and link tokens go; unused invitations stop working. */
export async function eraseRoundContacts(db: Db, roundId: number, now: string): Promise<void> {
  await db.updateTable("round_dossier").set({ contact_sealed: null, phone_hash: null }).where("round_id", "=", roundId).execute();
  await db.updateTable("round_sample").set({ token_sealed: null }).where("round_id", "=", roundId).execute();
  await db
    .updateTable("invitation")
    .set({ expires_at: now })
    .where("used_at", "is", null)
    .where("id", "in", db.selectFrom("round_sample").select("invitation_id").where("round_id", "=", roundId))
    .execute();
}
