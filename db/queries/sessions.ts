import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom("app_user").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function insertSession(db: Db, s: { idHash: string; userId: number; now: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto("session")
    .values({ id_hash: s.idHash, user_id: s.userId, created_at: s.now, last_seen_at: s.now, expires_at: s.expiresAt })
    .execute();
}

/** The session with its user; disabled users and expired sessions are the caller's to refuse. */
export function findSession(db: Db, idHash: string) {
  return db
    .selectFrom("session as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .select([
      "s.id_hash", "s.created_at", "s.last_seen_at", "s.expires_at",
      "u.id as user_id", "u.username", "u.role", "u.unit_id", "u.disabled", "u.password_changed_at",
    ])
    .where("s.id_hash", "=", idHash)
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, now: string): Promise<void> {
  await db.updateTable("session").set({ last_seen_at: now }).where("id_hash", "=", idHash).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom("session").where("id_hash", "=", idHash).execute();
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom("session").where("user_id", "=", userId).execute();
}
