import { sql, type Kysely } from "kysely";

// Frozen once merged: never edit, add a new migration instead. Imports nothing from the app.
//
// Bootstrap samples take the first responses of a scope in this order: the UUID's last group
// first (random in UUID v4 and v7 alike), then the rest, so the order is a permutation of the
// ids that does not follow time even when clients send time-ordered v7 ids
// (docs/decisions/004-intervals.md).

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function up(db: Db): Promise<void> {
  await db.schema.createIndex("response_sample_idx").on("response").expression(sql`(substr(id, 25) || substr(id, 1, 24))`).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex("response_sample_idx").execute();
}
