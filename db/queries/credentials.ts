import type { Kysely } from "kysely";
import type { Database, Role, TokenRole } from "../schema";

type Db = Kysely<Database>;

export function findApiToken(db: Db, tokenHash: string) {
  return db
    .selectFrom("api_token")
    .select(["id", "name", "role", "unit_id", "revoked_at"])
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export function findKioskByToken(db: Db, tokenHash: string) {
  return db
    .selectFrom("kiosk")
    .select(["id", "unit_id", "counter", "status", "survey_id", "service_id"])
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export async function touchKiosk(db: Db, kioskId: number, now: string): Promise<void> {
  await db.updateTable("kiosk").set({ last_seen_at: now }).where("id", "=", kioskId).execute();
}

export async function insertApiToken(
  db: Db,
  t: { name: string; tokenHash: string; role: TokenRole; unitId: number | null },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto("api_token")
    .values({ name: t.name, token_hash: t.tokenHash, role: t.role, unit_id: t.unitId, created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertKiosk(
  db: Db,
  k: { unitId: number; counter: string | null; name: string; tokenHash: string; setupHash: string; setupExpiresAt: string; surveyId: number | null },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto("kiosk")
    .values({
      unit_id: k.unitId,
      counter: k.counter,
      name: k.name,
      token_hash: k.tokenHash,
      setup_hash: k.setupHash,
      setup_expires_at: k.setupExpiresAt,
      survey_id: k.surveyId,
      status: "active",
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertUser(
  db: Db,
  u: { username: string; passwordHash: string; role: Role; unitId: number | null },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto("app_user")
    .values({ username: u.username, password_hash: u.passwordHash, role: u.role, unit_id: u.unitId, created_at: now, password_changed_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function appendAudit(
  db: Db,
  entry: { actor: string; action: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown },
  now: string,
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: now,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
