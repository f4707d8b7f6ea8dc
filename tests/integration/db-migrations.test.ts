// Runs once per dialect (projects integration-sqlite and integration-postgres).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../db/index";
import { migrationProvider } from "../../db/migrations/index";
import type { Database } from "../../db/schema";
import { createTestDb, dialect, type TestDb } from "../support/test-db";

// Every column of every table of db/schema.ts. The mapped type makes this list exhaustive:
// adding a table or column to `Database` without listing it here fails `tsc`, and listing
// one the migrations do not create fails the test below.
type ColumnList = { [T in keyof Database]: Record<keyof Database[T] & string, true> };
const COLUMNS: ColumnList = {
  unit: { id: true, code: true, name: true, level: true, parent_id: true, valid_from: true, valid_to: true, successor_id: true, created_at: true },
  unit_closure: { ancestor_id: true, descendant_id: true, depth: true },
  service: { id: true, code: true, name: true, field: true, level: true, created_at: true },
  unit_service: { unit_id: true, service_id: true },
  survey: { id: true, slug: true, title_vi: true, title_en: true, created_at: true },
  survey_version: {
    id: true, survey_id: true, version: true, status: true, definition: true, index_model: true,
    content_hash: true, created_at: true, published_at: true, published_by: true, retired_at: true,
  },
  response: {
    id: true, survey_id: true, survey_version_id: true, unit_id: true, service_id: true, channel: true,
    kiosk_id: true, dossier_hash: true, locale: true, started_at: true, submitted_at: true,
    submitted_date: true, received_at: true, content_hash: true, answers_folded: true,
  },
  answer: { response_id: true, question_id: true, code: true, text: true },
  rollup_answer: {
    survey_id: true, survey_version_id: true, month: true, unit_id: true, service_id: true,
    channel: true, question_id: true, code: true, count: true,
  },
  rollup_response: {
    survey_id: true, survey_version_id: true, month: true, unit_id: true, service_id: true,
    channel: true, count: true,
  },
  rollup_unit_answer: { survey_id: true, channel: true, unit_id: true, question_id: true, code: true, period: true, count: true },
  rollup_unit_response: { survey_id: true, channel: true, unit_id: true, period: true, count: true },
  rollup_service_answer: { survey_id: true, channel: true, service_id: true, question_id: true, code: true, period: true, count: true },
  rollup_service_response: { survey_id: true, channel: true, service_id: true, period: true, count: true },
  kiosk: {
    id: true, unit_id: true, counter: true, name: true, token_hash: true, setup_hash: true,
    setup_expires_at: true, survey_id: true, service_id: true, status: true, last_seen_at: true,
    queued_reported: true, created_at: true, revoked_at: true,
  },
  kiosk_binding: {
    id: true, kiosk_id: true, dossier_sealed: true, service_id: true, created_by: true, created_at: true,
    expires_at: true, done_at: true,
  },
  invitation: {
    id: true, token_hash: true, survey_id: true, unit_id: true, service_id: true, dossier_hash: true,
    expires_at: true, used_at: true, created_at: true,
  },
  app_user: {
    id: true, username: true, password_hash: true, role: true, unit_id: true, disabled: true,
    created_at: true, password_changed_at: true,
  },
  session: { id_hash: true, user_id: true, created_at: true, last_seen_at: true, expires_at: true },
  api_token: {
    id: true, name: true, token_hash: true, role: true, unit_id: true, created_at: true,
    last_used_at: true, revoked_at: true,
  },
  target: { id: true, year: true, scope: true, scope_key: true, survey_id: true, value: true, source: true },
  dossier_count: { unit_id: true, service_id: true, month: true, count: true, complaints: true },
  audit_log: {
    id: true, at: true, actor: true, action: true, entity: true, entity_id: true, before: true, after: true,
  },
  comment_followup: { response_id: true, status: true, note: true, updated_at: true, updated_by: true },
  report_setting: {
    root_unit_id: true, parent_body: true, issuer: true, short_code: true, place: true, signer_title: true,
    signer_name: true, recipients: true, updated_at: true, updated_by: true,
  },
};
const TABLES = Object.keys(COLUMNS) as (keyof Database)[];

const NOW = "2026-11-24T03:00:00.000Z";

describe(`migrations [${dialect()}]`, () => {
  let t: TestDb;

  beforeAll(async () => {
    t = await createTestDb({ migrate: false });
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it("runs on the dialect this project selects", async () => {
    expect(t.dialect).toBe(dialect());
    if (t.dialect === "postgres") {
      expect(t.url).toMatch(/^postgres:\/\//);
      const { rows } = await sql<{ v: string }>`select version() as v`.execute(t.db);
      expect(rows[0].v).toMatch(/^PostgreSQL /);
    } else {
      const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(t.db);
      expect(rows[0].v).toMatch(/^3\./);
    }
  });

  it("apply every migration to an empty database, and nothing on a second run", async () => {
    const expected = Object.keys(await migrationProvider.getMigrations()).sort();
    expect(expected.length).toBeGreaterThan(0);

    const first = await migrateToLatest(t.db);
    expect(first).toEqual(expected);

    const second = await migrateToLatest(t.db);
    expect(second).toEqual([]);
  });

  it.each(TABLES)("table %s exists with every column of db/schema.ts", async (table) => {
    const columns = Object.keys(COLUMNS[table]);
    // Selecting each column by name: a missing table or column is an SQL error.
    const rows = await t.db
      .selectFrom(table)
      .select(columns.map((c) => sql.ref(c).as(c)))
      .limit(0)
      .execute();
    expect(rows).toEqual([]);
  });
});

describe(`database behaviour [${dialect()}]`, () => {
  let t: TestDb;
  let unitId: number;
  let surveyId: number;
  let versionId: number;

  beforeAll(async () => {
    t = await createTestDb();
    const unit = await t.db
      .insertInto("unit")
      .values({ code: "U1", name: "Ủy ban nhân dân xã Hòa Bình", level: "commune", parent_id: null, valid_from: null, valid_to: null, successor_id: null, created_at: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    unitId = unit.id;
    const survey = await t.db
      .insertInto("survey")
      .values({ slug: "sipas", title_vi: "Khảo sát SIPAS", title_en: "SIPAS survey", created_at: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    surveyId = survey.id;
    const version = await t.db
      .insertInto("survey_version")
      .values({
        survey_id: surveyId, version: 1, status: "published", definition: "{}", index_model: "{}",
        content_hash: "h", created_at: NOW, published_at: NOW, published_by: "test", retired_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    versionId = version.id;
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it.runIf(dialect() === "sqlite")("SQLite connection uses WAL, synchronous=FULL and foreign keys", async () => {
    const pragma = async (name: string) => {
      const { rows } = await sql<Record<string, unknown>>`${sql.raw(`PRAGMA ${name}`)}`.execute(t.db);
      return rows[0]?.[name];
    };
    expect(await pragma("journal_mode")).toBe("wal");
    expect(await pragma("synchronous")).toBe(2); // 2 = FULL
    expect(await pragma("foreign_keys")).toBe(1);
  });

  it.runIf(dialect() === "postgres")("PostgreSQL database is UTF-8", async () => {
    const { rows } = await sql<{ enc: string }>`select current_setting('server_encoding') as enc`.execute(t.db);
    expect(rows[0].enc).toBe("UTF8");
  });

  it("round-trips Vietnamese text unchanged", async () => {
    const name = "Ủy ban nhân dân xã Hòa Bình";
    const row = await t.db.selectFrom("unit").select("name").where("id", "=", unitId).executeTakeFirstOrThrow();
    expect(row.name).toBe(name);
    const hit = await t.db.selectFrom("unit").select("id").where("name", "=", name).executeTakeFirst();
    expect(hit?.id).toBe(unitId);
  });

  it("rejects a foreign key to a missing row", async () => {
    await expect(
      t.db
        .insertInto("unit")
        .values({ code: "ORPHAN", name: "Orphan", level: "commune", parent_id: 987_654, valid_from: null, valid_to: null, successor_id: null, created_at: NOW })
        .execute(),
    ).rejects.toThrow(/foreign key/i);
    const orphan = await t.db.selectFrom("unit").select("id").where("code", "=", "ORPHAN").executeTakeFirst();
    expect(orphan).toBeUndefined();
  });

  it("allows one response per (survey, dossier hash), any number without a hash", async () => {
    let n = 0;
    const response = (dossier_hash: string | null) => ({
      id: `r${++n}`, survey_id: surveyId, survey_version_id: versionId, unit_id: unitId, service_id: null,
      channel: "online" as const, kiosk_id: null, dossier_hash, locale: "vi", started_at: null,
      submitted_at: NOW, submitted_date: "2026-11-24", received_at: NOW, content_hash: `c${n}`, answers_folded: "",
    });

    await t.db.insertInto("response").values(response("dossier-A")).execute();
    await expect(t.db.insertInto("response").values(response("dossier-A")).execute()).rejects.toThrow(/unique|duplicate/i);

    await t.db.insertInto("response").values(response(null)).execute();
    await t.db.insertInto("response").values(response(null)).execute();
    await t.db.insertInto("response").values(response("dossier-B")).execute();

    const rows = await t.db.selectFrom("response").select(["id", "dossier_hash"]).orderBy("id").execute();
    expect(rows.map((r) => r.dossier_hash)).toEqual(["dossier-A", null, null, "dossier-B"]);
  });
});
