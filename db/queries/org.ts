import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { servicesOfUnit } from "./services";

type Db = Kysely<Database>;

/** Replaces the services a unit offers. Call inside a transaction. */
export async function setUnitServices(db: Db, unitId: number, serviceIds: number[]): Promise<void> {
  await db.deleteFrom("unit_service").where("unit_id", "=", unitId).execute();
  if (serviceIds.length) {
    await db.insertInto("unit_service").values(serviceIds.map((service_id) => ({ unit_id: unitId, service_id }))).execute();
  }
}

/** Codes of the services a unit offers, sorted (forms and before → after audit rows). */
export async function serviceCodesOf(db: Db, unitId: number): Promise<string[]> {
  return (await servicesOfUnit(db, unitId)).map((s) => s.code).sort();
}

export function servicesByCodes(db: Db, codes: string[]) {
  if (!codes.length) return Promise.resolve([]);
  return db.selectFrom("service").select(["id", "code"]).where("code", "in", codes).execute();
}

export function listApiTokens(db: Db) {
  return db
    .selectFrom("api_token as t")
    .leftJoin("unit", "unit.id", "t.unit_id")
    .select(["t.id", "t.name", "t.role", "t.created_at", "t.last_used_at", "t.revoked_at", "t.unit_id", "unit.code as unit_code"])
    .orderBy("t.id", "desc")
    .execute();
}

export async function revokeApiToken(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db.updateTable("api_token").set({ revoked_at: now }).where("id", "=", id).where("revoked_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** `complaints` null: not reported (a file without the column clears what an earlier one said). */
export async function upsertDossierCount(db: Db, row: { unitId: number; serviceId: number; month: string; count: number; complaints?: number | null }): Promise<void> {
  const complaints = row.complaints ?? null;
  await db
    .insertInto("dossier_count")
    .values({ unit_id: row.unitId, service_id: row.serviceId, month: row.month, count: row.count, complaints })
    .onConflict((oc) => oc.columns(["unit_id", "service_id", "month"]).doUpdateSet({ count: row.count, complaints }))
    .execute();
}

export function getDossierCount(db: Db, unitId: number, serviceId: number, month: string) {
  return db
    .selectFrom("dossier_count")
    .select(["count", "complaints"])
    .where("unit_id", "=", unitId)
    .where("service_id", "=", serviceId)
    .where("month", "=", month)
    .executeTakeFirst();
}

/** Open children of a unit (a closed unit's children move to its successor). */
export function openChildren(db: Db, parentId: number) {
  return db.selectFrom("unit").selectAll().where("parent_id", "=", parentId).where("valid_to", "is", null).execute();
}

/** Units with their successor's code, for the tree (optionally only a subtree). */
export function listUnitTree(db: Db, rootId: number | null) {
  let q = db
    .selectFrom("unit as u")
    .leftJoin("unit as s", "s.id", "u.successor_id")
    .select(["u.id", "u.code", "u.name", "u.level", "u.parent_id", "u.valid_to", "s.code as successor_code"])
    .orderBy("u.code");
  if (rootId !== null) q = q.where("u.id", "in", (eb) => eb.selectFrom("unit_closure").select("descendant_id").where("ancestor_id", "=", rootId));
  return q.execute();
}
