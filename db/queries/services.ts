import type { Kysely } from "kysely";
import type { Database, Service } from "../schema";

type Db = Kysely<Database>;

export interface ServiceInput {
  code: string;
  name: string;
  field: string;
  level: string;
}

export function getServiceByCode(db: Db, code: string): Promise<Service | undefined> {
  return db.selectFrom("service").selectAll().where("code", "=", code).executeTakeFirst();
}

export function listServices(db: Db): Promise<Service[]> {
  return db.selectFrom("service").selectAll().orderBy("code").execute();
}

export async function upsertService(db: Db, input: ServiceInput, now: string): Promise<"added" | "updated" | "unchanged"> {
  const existing = await getServiceByCode(db, input.code);
  if (!existing) {
    await db.insertInto("service").values({ ...input, created_at: now }).execute();
    return "added";
  }
  if (existing.name === input.name && existing.field === input.field && existing.level === input.level) return "unchanged";
  await db.updateTable("service").set({ name: input.name, field: input.field, level: input.level }).where("id", "=", existing.id).execute();
  return "updated";
}

export async function offerServices(db: Db, unitId: number, serviceIds: number[]): Promise<void> {
  if (!serviceIds.length) return;
  await db
    .insertInto("unit_service")
    .values(serviceIds.map((service_id) => ({ unit_id: unitId, service_id })))
    .onConflict((oc) => oc.columns(["unit_id", "service_id"]).doNothing())
    .execute();
}

/** Every unit → service offering (imports compare a file with them). */
export function listOfferings(db: Db): Promise<Array<{ unit_id: number; service_id: number }>> {
  return db.selectFrom("unit_service").select(["unit_id", "service_id"]).execute();
}

export async function unitOffersService(db: Db, unitId: number, serviceId: number): Promise<boolean> {
  const row = await db
    .selectFrom("unit_service")
    .select("unit_id")
    .where("unit_id", "=", unitId)
    .where("service_id", "=", serviceId)
    .executeTakeFirst();
  return row !== undefined;
}

export function servicesOfUnit(db: Db, unitId: number): Promise<Service[]> {
  return db
    .selectFrom("service")
    .innerJoin("unit_service", "unit_service.service_id", "service.id")
    .selectAll("service")
    .where("unit_service.unit_id", "=", unitId)
    .orderBy("service.name")
    .execute();
}

/**
 * How much each procedure is used at one unit since `fromMonth` (YYYY-MM): dossiers counted
 * (monthly imports) plus responses given. Procedures with neither are absent (0).
 */
export async function serviceUseAtUnit(db: Db, unitId: number, fromMonth: string): Promise<Map<number, number>> {
  const [dossiers, responses] = await Promise.all([
    db.selectFrom("dossier_count").select(["service_id", (eb) => eb.fn.sum<number>("count").as("n")]).where("unit_id", "=", unitId).where("month", ">=", fromMonth).groupBy("service_id").execute(),
    db.selectFrom("rollup_response").select(["service_id", (eb) => eb.fn.sum<number>("count").as("n")]).where("unit_id", "=", unitId).where("month", ">=", fromMonth).groupBy("service_id").execute(),
  ]);
  const uses = new Map<number, number>();
  for (const r of [...dossiers, ...responses]) uses.set(r.service_id, (uses.get(r.service_id) ?? 0) + Number(r.n));
  return uses;
}
