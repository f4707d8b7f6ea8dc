import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from "kysely";

// Frozen once merged: never edit, add a new migration instead. Imports nothing from the app.
// Survey rounds (đợt khảo sát): a designed sample drawn from the one-stop system's list of
// completed dossiers. `survey_round` is the round; `round_dossier` is its sampling frame, one
// row per dossier, which becomes the sample (drawn = 1) with a code, an invitation and, once
// answered, the response. Contacts are sealed (AES-256-GCM, key derived from SECRET_KEY) and
// set to NULL when the round closes.

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function serialId(db: Db) {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  return (col: ColumnDefinitionBuilder) =>
    pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable("survey_round")
    .addColumn("id", "integer", serialId(db))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("survey_id", "integer", (c) => c.notNull().references("survey.id"))
    // The published version frozen for the whole round.
    .addColumn("survey_version_id", "integer", (c) => c.notNull().references("survey_version.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("date_from", "text", (c) => c.notNull())
    .addColumn("date_to", "text", (c) => c.notNull())
    .addColumn("margin", "double precision", (c) => c.notNull())
    .addColumn("overdraw", "double precision", (c) => c.notNull())
    .addColumn("seed", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("frame_rows", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("drawn_at", "text")
    .addColumn("closed_at", "text")
    .execute();

  await db.schema
    .createTable("round_dossier")
    .addColumn("id", "integer", serialId(db))
    .addColumn("round_id", "integer", (c) => c.notNull().references("survey_round.id"))
    .addColumn("row_no", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("service_id", "integer", (c) => c.notNull().references("service.id"))
    .addColumn("completed_date", "text", (c) => c.notNull())
    // Keyed hash of the normalized dossier code: the same as response.dossier_hash.
    .addColumn("dossier_hash", "text", (c) => c.notNull())
    // The code itself (printed on letters, in the sample file), sealed.
    .addColumn("dossier_sealed", "text")
    // Keyed hash of the normalized phone: one person at most once per round.
    .addColumn("phone_hash", "text")
    .addColumn("contact_sealed", "text")
    .execute();
  await db.schema.createIndex("round_dossier_round_idx").on("round_dossier").columns(["round_id", "unit_id", "row_no"]).execute();
  await db.schema.createIndex("round_dossier_dossier_idx").on("round_dossier").columns(["round_id", "dossier_hash"]).unique().execute();

  // The drawn dossiers: a short code and a single-use invitation each, then what happened.
  await db.schema
    .createTable("round_sample")
    .addColumn("id", "integer", serialId(db))
    .addColumn("round_id", "integer", (c) => c.notNull().references("survey_round.id"))
    .addColumn("dossier_id", "integer", (c) => c.notNull().references("round_dossier.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("draw_order", "integer", (c) => c.notNull())
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("code_sealed", "text")
    .addColumn("token_sealed", "text")
    .addColumn("invitation_id", "integer", (c) => c.notNull().references("invitation.id"))
    .addColumn("invited_at", "text")
    .addColumn("reminded_at", "text")
    .addColumn("undeliverable_at", "text")
    .addColumn("response_id", "text")
    .addColumn("responded_at", "text")
    .addColumn("channel", "text")
    .execute();
  await db.schema.createIndex("round_sample_round_idx").on("round_sample").columns(["round_id", "unit_id", "draw_order"]).execute();
  await db.schema.createIndex("round_sample_code_idx").on("round_sample").column("code_hash").unique().execute();
  await db.schema.createIndex("round_sample_invitation_idx").on("round_sample").column("invitation_id").unique().execute();
  await db.schema.createIndex("round_sample_response_idx").on("round_sample").column("response_id").execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable("round_sample").execute();
  await db.schema.dropTable("round_dossier").execute();
  await db.schema.dropTable("survey_round").execute();
}
