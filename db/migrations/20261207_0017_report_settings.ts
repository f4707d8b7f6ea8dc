import type { Kysely } from "kysely";

// Frozen once merged: never edit, add a new migration instead. Imports nothing from the app.
// Who issues and signs the report document (NĐ 30/2020 form), one row per unit-tree root
// (a province): issuing body, its short code for "Số: …/BC-…", place name, signer, recipients.

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable("report_setting")
    .addColumn("root_unit_id", "integer", (c) => c.primaryKey().references("unit.id").onDelete("cascade"))
    .addColumn("parent_body", "text", (c) => c.notNull())
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("short_code", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("signer_title", "text", (c) => c.notNull())
    .addColumn("signer_name", "text", (c) => c.notNull())
    .addColumn("recipients", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable("report_setting").execute();
}
