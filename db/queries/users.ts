import type { Kysely } from "kysely";
import type { Database, Role } from "../schema";

type Db = Kysely<Database>;

export function listUsers(db: Db) {
  return db
    .selectFrom("app_user as u")
    .leftJoin("unit", "unit.id", "u.unit_id")
    .select(["u.id", "u.username", "u.role", "u.unit_id", "u.disabled", "u.created_at", "u.password_changed_at", "unit.code as unit_code", "unit.name as unit_name"])
    .orderBy("u.username")
    .execute();
}

export function getUser(db: Db, id: number) {
  return db.selectFrom("app_user").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateUserRole(db: Db, id: number, role: Role, unitId: number | null): Promise<void> {
  await db.updateTable("app_user").set({ role, unit_id: unitId }).where("id", "=", id).execute();
}

export async function setUserDisabled(db: Db, id: number, disabled: boolean): Promise<void> {
  await db.updateTable("app_user").set({ disabled: disabled ? 1 : 0 }).where("id", "=", id).execute();
}

export async function setUserPassword(db: Db, id: number, passwordHash: string, now: string): Promise<void> {
  await db.updateTable("app_user").set({ password_hash: passwordHash, password_changed_at: now }).where("id", "=", id).execute();
}
