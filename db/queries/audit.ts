import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

export interface AuditFilter {
  actor?: string;
  /** An action or a family of actions ("user" matches "user.create", "user.role", …). */
  action?: string;
  entity?: string;
  entityId?: string;
  /** ISO instants, inclusive start and exclusive end. */
  from?: string;
  until?: string;
}

export function listAudit(db: Db, f: AuditFilter, limit: number, offset: number) {
  let q = db.selectFrom("audit_log").selectAll();
  if (f.actor) q = q.where("actor", "=", f.actor);
  if (f.action) q = q.where((eb) => eb.or([eb("action", "=", f.action!), eb("action", "like", `${f.action}.%`)]));
  if (f.entity) q = q.where("entity", "=", f.entity);
  if (f.entityId) q = q.where("entity_id", "=", f.entityId);
  if (f.from) q = q.where("at", ">=", f.from);
  if (f.until) q = q.where("at", "<", f.until);
  return q.orderBy("id", "desc").limit(limit).offset(offset).execute();
}

/** The values the filters offer. */
export async function auditFacets(db: Db) {
  const [actors, actions, entities] = await Promise.all([
    db.selectFrom("audit_log").select("actor").distinct().orderBy("actor").limit(500).execute(),
    db.selectFrom("audit_log").select("action").distinct().orderBy("action").limit(500).execute(),
    db.selectFrom("audit_log").select("entity").distinct().orderBy("entity").limit(100).execute(),
  ]);
  return { actors: actors.map((r) => r.actor), actions: actions.map((r) => r.action), entities: entities.map((r) => r.entity) };
}
