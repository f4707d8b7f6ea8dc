// Migrations that fill new tables or columns from existing data must give exactly what the
// insert path maintains. A database with real data is migrated down to the core schema and
// up again; the roll-ups (0004) and folded answers (0007) it rebuilds must equal the ones
// written at insert time. Runs once per dialect.
import { randomUUID } from "node:crypto";
import { Migrator } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../db/index";
import { migrationProvider } from "../../db/migrations/index";
import { insertResponses } from "../../db/queries/responses";
import { seedDemo } from "../../scripts/seed/demo";
import { answerRows } from "../../app/server/ingest.server";
import { rollupCells } from "../../app/survey/rollup-cells";
import { publishDefinition } from "../../app/server/publish.server";
import { loadPublishedVersion } from "../../app/server/survey-versions.server";
import { foldAnswers, unfoldAnswers } from "../../app/survey/folded-answers";
import type { AnswerSet } from "../../app/survey/types";
import { FIXTURE_SURVEY } from "../support/form-fixture";
import { createTestDb, type TestDb } from "../support/test-db";

const NOW = new Date("2026-11-20T03:00:00.000Z");
const COARSE = ["rollup_unit_answer", "rollup_unit_response", "rollup_service_answer", "rollup_service_response"] as const;

let t: TestDb;

/** Answers every folded form must survive: separators, quotes, commas, line breaks, "na", a multi, personal data. */
const TRICKY: AnswerSet[] = [
  { "muc-do": 2, sao: 4, "ly-do": 'Chờ lâu, "quá" lâu\r\nlần 2', "so-lan": 3, kenh: ["bao", "loa"], "dung-hen": "no", "dong-y": "yes", "dien-thoai": "0912345678", "y-kien": "a\x1fb\x1ec\x1dd" },
  { "muc-do": "na", sao: 5, "so-lan": 1, kenh: ["mang"], "dung-hen": "yes", "y-kien": "Tốt" },
  { "muc-do": 5, "dong-y": "no" },
];

async function addFixtureResponses(): Promise<void> {
  const published = await publishDefinition(t.db, FIXTURE_SURVEY, "test");
  expect(published.ok).toBe(true);
  const version = (await loadPublishedVersion(t.db, FIXTURE_SURVEY.slug))!;
  const unit = await t.db.selectFrom("unit").select("id").orderBy("id").executeTakeFirstOrThrow();
  const at = NOW.toISOString();
  await t.db.transaction().execute((trx) =>
    insertResponses(trx, TRICKY.map((answers) => {
      const id = randomUUID();
      return {
        response: {
          id, survey_id: version.surveyId, survey_version_id: version.id, unit_id: unit.id, service_id: null, channel: "online",
          kiosk_id: null, dossier_hash: null, locale: "vi", started_at: null, submitted_at: at, submitted_date: at.slice(0, 10),
          received_at: at, content_hash: id, answers_folded: foldAnswers(version.definition, answers),
        },
        answers: answerRows(id, answers),
        month: at.slice(0, 7),
        cells: rollupCells(version.definition, version.indexModel, answers),
      };
    })),
  );
}

async function snapshot() {
  const coarse: Record<string, unknown[]> = {};
  for (const table of COARSE) {
    coarse[table] = await t.db.selectFrom(table).selectAll().orderBy("survey_id").execute()
      .then((rows) => rows.map((r) => JSON.stringify(r)).sort());
  }
  const folded = await t.db.selectFrom("response").select(["id", "answers_folded"]).orderBy("id").execute();
  return { coarse, folded: folded.map((r) => [r.id, Object.fromEntries(unfoldAnswers(r.answers_folded))]) };
}

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { responses: 600, seed: "backfill", now: NOW });
  await addFixtureResponses();
}, 120_000);

afterAll(async () => {
  await t?.destroy();
});

describe("backfilling migrations on a database with data", () => {
  it("rebuilds the coarse roll-ups and the folded answers exactly as inserts wrote them", async () => {
    const before = await snapshot();
    expect(before.folded.length).toBeGreaterThan(600);
    expect(before.coarse.rollup_unit_answer.length).toBeGreaterThan(100);

    const migrator = new Migrator({ db: t.db, provider: migrationProvider });
    const down = await migrator.migrateTo("20261124_0001_core");
    expect(down.error).toBeUndefined();
    expect(await t.db.selectFrom("response").select(({ fn }) => fn.countAll<number>().as("n")).executeTakeFirstOrThrow().then((r) => Number(r.n))).toBe(before.folded.length);

    await migrateToLatest(t.db);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it("never folds personal text or consent ticks, and keeps texts intact", async () => {
    const version = (await loadPublishedVersion(t.db, FIXTURE_SURVEY.slug))!;
    const rows = await t.db.selectFrom("response").select("answers_folded").where("survey_version_id", "=", version.id).execute();
    const folded = rows.map((r) => unfoldAnswers(r.answers_folded));
    expect(folded).toHaveLength(TRICKY.length);
    for (const answers of folded) {
      expect(answers.has("dien-thoai")).toBe(false);
      expect(answers.has("dong-y")).toBe(false);
    }
    const first = folded.find((a) => a.get("so-lan") === 3)!;
    expect(Object.fromEntries(first)).toEqual({ "muc-do": 2, sao: 4, "ly-do": 'Chờ lâu, "quá" lâu\r\nlần 2', "so-lan": 3, kenh: "bao;loa", "dung-hen": "no", "y-kien": "a b c d" });
    expect(folded.find((a) => a.get("muc-do") === "na")?.get("kenh")).toBe("mang");
  });
});
