import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from "kysely";

// Frozen once merged: never edit, add a new migration instead. Imports nothing from the app.
// Kiosk bindings: "next citizen: dossier X, service Y" pushed from the counter to its kiosk.

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function serialId(db: Db) {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  return (col: ColumnDefinitionBuilder) =>
    pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable("kiosk_binding")
    .addColumn("id", "integer", serialId(db))
    .addColumn("kiosk_id", "integer", (c) => c.notNull().references("kiosk.id"))
    // The dossier code sealed (AES-GCM, key derived from SECRET_KEY); cleared once done.
    .addColumn("dossier_sealed", "text")
    .addColumn("service_id", "integer", (c) => c.references("service.id"))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("done_at", "text")
    .execute();
  await db.schema.createIndex("kiosk_binding_kiosk_idx").on("kiosk_binding").columns(["kiosk_id", "done_at"]).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable("kiosk_binding").execute();
}
