import type { Kysely } from "kysely";

// Frozen once merged: never edit, add a new migration instead. Imports nothing from the app.
// Follow-up of citizens' comments and low scores (SIPAS element 5, feedback handling): one row
// per response once someone has picked it up; no row means "new".

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable("comment_followup")
    .addColumn("response_id", "text", (c) => c.primaryKey().references("response.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("comment_followup_status_idx").on("comment_followup").column("status").execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable("comment_followup").execute();
}
