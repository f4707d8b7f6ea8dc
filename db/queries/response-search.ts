import type { Kysely } from "kysely";
import type { Channel, Database } from "../schema";

type Db = Kysely<Database>;

export interface ResponseSearch {
  /** The searcher's own subtree (null = the whole province). */
  rootUnitId: number | null;
  /** A unit asked for: its subtree. */
  unitId?: number;
  from?: string;
  to?: string;
  channel?: Channel;
  /** Keyed hash of the dossier code, made exactly as at submission. */
  dossierHash?: string;
}

/** Responses matching every given filter, newest first (a citizen's deletion request). */
export function searchResponses(db: Db, f: ResponseSearch, limit: number, offset: number) {
  let q = db
    .selectFrom("response as r")
    .innerJoin("unit as u", "u.id", "r.unit_id")
    .innerJoin("survey as s", "s.id", "r.survey_id")
    .leftJoin("service as sv", "sv.id", "r.service_id")
    .select(["r.id", "r.submitted_at", "r.channel", "u.code as unit_code", "u.name as unit_name", "sv.name as service_name", "s.title_vi"]);
  for (const root of [f.rootUnitId, f.unitId]) {
    if (root === null || root === undefined) continue;
    q = q.where("r.unit_id", "in", (eb) => eb.selectFrom("unit_closure").select("descendant_id").where("ancestor_id", "=", root));
  }
  if (f.from) q = q.where("r.submitted_date", ">=", f.from);
  if (f.to) q = q.where("r.submitted_date", "<=", f.to);
  if (f.channel) q = q.where("r.channel", "=", f.channel);
  if (f.dossierHash) q = q.where("r.dossier_hash", "=", f.dossierHash);
  return q.orderBy("r.submitted_at", "desc").orderBy("r.id").limit(limit).offset(offset).execute();
}
