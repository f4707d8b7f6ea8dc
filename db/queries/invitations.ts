import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

export interface InvitationInput {
  tokenHash: string;
  surveyId: number;
  unitId: number;
  serviceId: number | null;
  dossierHash: string | null;
  expiresAt: string;
}

export async function insertInvitation(db: Db, input: InvitationInput, now: string): Promise<number> {
  const row = await db
    .insertInto("invitation")
    .values({
      token_hash: input.tokenHash,
      survey_id: input.surveyId,
      unit_id: input.unitId,
      service_id: input.serviceId,
      dossier_hash: input.dossierHash,
      expires_at: input.expiresAt,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An invitation with the codes of what it is bound to. */
export function findInvitation(db: Db, tokenHash: string) {
  return db
    .selectFrom("invitation as i")
    .innerJoin("survey as s", "s.id", "i.survey_id")
    .innerJoin("unit as u", "u.id", "i.unit_id")
    .leftJoin("service as sv", "sv.id", "i.service_id")
    .select([
      "i.id", "i.survey_id", "i.unit_id", "i.service_id", "i.dossier_hash", "i.expires_at", "i.used_at",
      "s.slug as survey_slug", "u.code as unit_code", "u.name as unit_name", "sv.code as service_code", "sv.name as service_name",
    ])
    .where("i.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** Marks an invitation used; false when it already was (single use). */
export async function markInvitationUsed(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("invitation")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
