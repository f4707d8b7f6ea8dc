import type { Kysely } from "kysely";

// Frozen once merged: never edit, add a new migration instead. Imports nothing from the app.
// Dossiers with a complaint (phản ánh, kiến nghị) per unit × service × month, imported beside
// the dossier count: the QĐ 766/QĐ-TTg indicator subtracts them. NULL = not reported.

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable("dossier_count").addColumn("complaints", "integer").execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable("dossier_count").dropColumn("complaints").execute();
}
