import type { Kysely } from "kysely";

// Frozen once merged: never edit, add a new migration instead. Imports nothing from the app.
//
// Exports page through a scope's responses in (submitted_date, id) order (keyset, no OFFSET):
// response_export_idx makes each page a range read in both dialects, whatever the volume.
// response_unit_idx serves raw reads of one unit's subtree (partial months, bootstrap
// samples of a commune): the older (survey, date, unit) index scans the whole province.

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function up(db: Db): Promise<void> {
  await db.schema.createIndex("response_export_idx").on("response").columns(["survey_id", "submitted_date", "id"]).execute();
  await db.schema.createIndex("response_unit_idx").on("response").columns(["survey_id", "unit_id", "submitted_date"]).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex("response_unit_idx").execute();
  await db.schema.dropIndex("response_export_idx").execute();
}
