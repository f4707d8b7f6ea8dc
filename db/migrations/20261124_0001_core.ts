import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from "kysely";

// Frozen once merged: never edit, add a new migration instead. Imports nothing from the app.

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function serialId(db: Db) {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  return (col: ColumnDefinitionBuilder) =>
    pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

export async function up(db: Db): Promise<void> {
  const id = serialId(db);

  await db.schema
    .createTable("unit")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("unit.id"))
    .addColumn("valid_from", "text")
    .addColumn("valid_to", "text")
    .addColumn("successor_id", "integer", (c) => c.references("unit.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("unit_parent_idx").on("unit").column("parent_id").execute();

  await db.schema
    .createTable("unit_closure")
    .addColumn("ancestor_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("descendant_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("depth", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("unit_closure_pk", ["ancestor_id", "descendant_id"])
    .execute();
  await db.schema
    .createIndex("unit_closure_descendant_idx")
    .on("unit_closure")
    .columns(["descendant_id", "depth"])
    .execute();

  await db.schema
    .createTable("service")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("unit_service")
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("service_id", "integer", (c) => c.notNull().references("service.id"))
    .addPrimaryKeyConstraint("unit_service_pk", ["unit_id", "service_id"])
    .execute();

  await db.schema
    .createTable("survey")
    .addColumn("id", "integer", id)
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title_vi", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("survey_version")
    .addColumn("id", "integer", id)
    .addColumn("survey_id", "integer", (c) => c.notNull().references("survey.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("index_model", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addColumn("published_by", "text")
    .addColumn("retired_at", "text")
    .addUniqueConstraint("survey_version_unique", ["survey_id", "version"])
    .execute();

  await db.schema
    .createTable("kiosk")
    .addColumn("id", "integer", id)
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("counter", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("setup_hash", "text", (c) => c.unique())
    .addColumn("setup_expires_at", "text")
    .addColumn("survey_id", "integer", (c) => c.references("survey.id"))
    .addColumn("service_id", "integer", (c) => c.references("service.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text")
    .addColumn("queued_reported", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();

  await db.schema
    .createTable("response")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("survey_id", "integer", (c) => c.notNull().references("survey.id"))
    .addColumn("survey_version_id", "integer", (c) => c.notNull().references("survey_version.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("service_id", "integer", (c) => c.references("service.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("kiosk_id", "integer", (c) => c.references("kiosk.id"))
    .addColumn("dossier_hash", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("started_at", "text")
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("submitted_date", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .execute();
  // A dossier can be rated once per survey (NULL hashes do not collide).
  await db.schema
    .createIndex("response_dossier_once")
    .on("response")
    .columns(["survey_id", "dossier_hash"])
    .unique()
    .execute();
  await db.schema
    .createIndex("response_scope_idx")
    .on("response")
    .columns(["survey_id", "submitted_date", "unit_id"])
    .execute();

  await db.schema
    .createTable("answer")
    .addColumn("response_id", "text", (c) => c.notNull().references("response.id").onDelete("cascade"))
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("code", "double precision")
    .addColumn("text", "text")
    .addPrimaryKeyConstraint("answer_pk", ["response_id", "question_id"])
    .execute();

  await db.schema
    .createTable("rollup_answer")
    .addColumn("survey_id", "integer", (c) => c.notNull())
    .addColumn("survey_version_id", "integer", (c) => c.notNull())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("service_id", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("code", "integer", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rollup_answer_pk", [
      "survey_id", "month", "unit_id", "service_id", "channel", "survey_version_id", "question_id", "code",
    ])
    .execute();

  await db.schema
    .createTable("rollup_response")
    .addColumn("survey_id", "integer", (c) => c.notNull())
    .addColumn("survey_version_id", "integer", (c) => c.notNull())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("service_id", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rollup_response_pk", [
      "survey_id", "month", "unit_id", "service_id", "channel", "survey_version_id",
    ])
    .execute();

  await db.schema
    .createTable("invitation")
    .addColumn("id", "integer", id)
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("survey_id", "integer", (c) => c.notNull().references("survey.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("service_id", "integer", (c) => c.references("service.id"))
    .addColumn("dossier_hash", "text")
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("app_user")
    .addColumn("id", "integer", id)
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("unit.id"))
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("password_changed_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("session")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("api_token")
    .addColumn("id", "integer", id)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("unit.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();

  await db.schema
    .createTable("target")
    .addColumn("id", "integer", id)
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("scope_key", "text", (c) => c.notNull())
    .addColumn("survey_id", "integer", (c) => c.references("survey.id"))
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("source", "text")
    .execute();
  await db.schema
    .createIndex("target_lookup_idx")
    .on("target")
    .columns(["scope", "scope_key", "year"])
    .execute();

  await db.schema
    .createTable("dossier_count")
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id"))
    .addColumn("service_id", "integer", (c) => c.notNull())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("dossier_count_pk", ["unit_id", "service_id", "month"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", id)
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("before", "text")
    .addColumn("after", "text")
    .execute();
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    "audit_log", "dossier_count", "target", "api_token", "session", "app_user", "invitation",
    "rollup_response", "rollup_answer", "answer", "response", "kiosk", "survey_version", "survey",
    "unit_service", "service", "unit_closure", "unit",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
