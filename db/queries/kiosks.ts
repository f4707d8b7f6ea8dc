import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

export interface KioskListRow {
  id: number;
  name: string;
  counter: string | null;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  survey_slug: string | null;
  survey_title: string | null;
  status: "active" | "revoked";
  last_seen_at: string | null;
  queued_reported: number | null;
  setup_expires_at: string | null;
  setup_pending: boolean;
  created_at: string;
  revoked_at: string | null;
}

/** Kiosks of the given units (null = every unit), newest first. */
export async function listKiosks(db: Db, unitIds: number[] | null): Promise<KioskListRow[]> {
  if (unitIds && !unitIds.length) return [];
  let q = db
    .selectFrom("kiosk as k")
    .innerJoin("unit as u", "u.id", "k.unit_id")
    .leftJoin("survey as s", "s.id", "k.survey_id")
    .select([
      "k.id", "k.name", "k.counter", "k.unit_id", "u.code as unit_code", "u.name as unit_name", "s.slug as survey_slug", "s.title_vi as survey_title",
      "k.status", "k.last_seen_at", "k.queued_reported", "k.setup_expires_at", "k.setup_hash", "k.created_at", "k.revoked_at",
    ]);
  if (unitIds) q = q.where("k.unit_id", "in", unitIds);
  const rows = await q.orderBy("k.id", "desc").execute();
  return rows.map(({ setup_hash, ...r }) => ({ ...r, setup_pending: setup_hash !== null }));
}

export function getKiosk(db: Db, id: number) {
  return db
    .selectFrom("kiosk as k")
    .innerJoin("unit as u", "u.id", "k.unit_id")
    .leftJoin("survey as s", "s.id", "k.survey_id")
    .select(["k.id", "k.name", "k.counter", "k.unit_id", "u.code as unit_code", "u.name as unit_name", "k.status", "s.slug as survey_slug", "k.service_id", "k.revoked_at"])
    .where("k.id", "=", id)
    .executeTakeFirst();
}

/** The kiosk a live setup code belongs to (not used, not expired, not revoked). */
export function findKioskBySetup(db: Db, setupHash: string, now: string) {
  return db
    .selectFrom("kiosk as k")
    .innerJoin("unit as u", "u.id", "k.unit_id")
    .select(["k.id", "k.name", "k.counter", "u.name as unit_name"])
    .where("k.setup_hash", "=", setupHash)
    .where("k.setup_expires_at", ">", now)
    .where("k.status", "=", "active")
    .executeTakeFirst();
}

/**
 * Spends a setup code and gives the kiosk a new token, in one statement: of two
 * concurrent redemptions only one matches the row. Returns the kiosk id, or null.
 */
export async function redeemSetup(db: Db, setupHash: string, tokenHash: string, now: string): Promise<number | null> {
  const row = await db
    .updateTable("kiosk")
    .set({ token_hash: tokenHash, setup_hash: null, setup_expires_at: null, last_seen_at: now })
    .where("setup_hash", "=", setupHash)
    .where("setup_expires_at", ">", now)
    .where("status", "=", "active")
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function revokeKiosk(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("kiosk")
    .set({ status: "revoked", revoked_at: now, setup_hash: null, setup_expires_at: null })
    .where("id", "=", id)
    .where("status", "=", "active")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function reportQueue(db: Db, id: number, queued: number): Promise<void> {
  await db.updateTable("kiosk").set({ queued_reported: queued }).where("id", "=", id).execute();
}

export async function insertBinding(
  db: Db,
  b: { kioskId: number; dossierSealed: string; serviceId: number | null; createdBy: string; expiresAt: string },
  now: string,
): Promise<number> {
  // One live binding per kiosk: a new push replaces the previous one.
  await closeBindings(db, b.kioskId, now);
  const row = await db
    .insertInto("kiosk_binding")
    .values({ kiosk_id: b.kioskId, dossier_sealed: b.dossierSealed, service_id: b.serviceId, created_by: b.createdBy, created_at: now, expires_at: b.expiresAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export function pendingBinding(db: Db, kioskId: number, now: string) {
  return db
    .selectFrom("kiosk_binding as b")
    .leftJoin("service as s", "s.id", "b.service_id")
    .select(["b.id", "b.dossier_sealed", "s.code as service_code", "s.name as service_name", "b.expires_at", "b.created_at"])
    .where("b.kiosk_id", "=", kioskId)
    .where("b.done_at", "is", null)
    .where("b.expires_at", ">", now)
    .orderBy("b.id", "desc")
    .executeTakeFirst();
}

/** Marks one binding (or, without `bindingId`, every open one of the kiosk) as done, forgetting the dossier. */
export async function closeBindings(db: Db, kioskId: number, now: string, bindingId?: number): Promise<void> {
  let q = db
    .updateTable("kiosk_binding")
    .set({ done_at: now, dossier_sealed: null })
    .where("kiosk_id", "=", kioskId)
    .where("done_at", "is", null);
  if (bindingId !== undefined) q = q.where("id", "=", bindingId);
  await q.execute();
}
