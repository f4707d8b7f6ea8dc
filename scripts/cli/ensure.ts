import { prepareDatabase } from "../../app/server/bootstrap.server";
import type { Db } from "../../db/index";

/**
 * Commands work on a fresh database too: migrations and the shipped questionnaires are
 * applied first (idempotent, the same as `migrate` and `npm start`).
 */
export async function ensureDatabase(db: Db): Promise<void> {
  await prepareDatabase(db);
}
