// The demo generator against a real database (once per dialect): catalogue, kiosks,
// responses, and roll-ups that agree with a recount from the raw rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../app/server/bootstrap.server";
import { parseEnv } from "../../app/server/env.server";
import { loadPublishedVersion } from "../../app/server/survey-versions.server";
import type { Db } from "../../db/index";
import { seedDemo, type SeedDemoSummary } from "../../scripts/seed/demo";
import { seedDemoIfEmpty } from "../../scripts/seed/first-start";
import { createTestDb, dialect, type TestDb } from "../support/test-db";

const NOW = new Date("2026-06-15T09:00:00Z");
const N = 600;

type Row = Record<string, string | number | null>;
const key = (r: Row, cols: string[]) => cols.map((c) => String(r[c])).join("|");

function asMap(rows: Row[], cols: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r, cols), (m.get(key(r, cols)) ?? 0) + Number(r.count));
  return m;
}

async function countOf(db: Db, table: "unit" | "service" | "kiosk" | "response" | "dossier_count" | "unit_service"): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe(`seed-demo [${dialect()}]`, () => {
  let t: TestDb;
  let summary: SeedDemoSummary;

  beforeAll(async () => {
    t = await createTestDb();
    await prepareDatabase(t.db);
    summary = await seedDemo(t.db, { responses: N, seed: "test", now: NOW });
  });
  afterAll(() => t?.destroy());

  it("creates the province, its units, services, kiosks and the requested responses", async () => {
    expect(summary.responses).toBe(N);
    expect(await countOf(t.db, "response")).toBe(N);
    expect(await countOf(t.db, "unit")).toBeGreaterThanOrEqual(35);
    expect(await countOf(t.db, "service")).toBeGreaterThanOrEqual(30);
    expect(await countOf(t.db, "kiosk")).toBeGreaterThan(20);
    expect(await countOf(t.db, "dossier_count")).toBeGreaterThan(0);
    const province = await t.db.selectFrom("unit").selectAll().where("code", "=", "24").executeTakeFirstOrThrow();
    expect(province.name).toBe("Tỉnh Bắc Ninh");
    const levels = await t.db.selectFrom("unit").select("level").distinct().execute();
    expect(levels.map((l) => l.level).sort()).toEqual(["huyen", "phuong", "so", "ban", "tinh", "to-chuc-khac", "xa"].sort());
  });

  it("closes two old units on 2025-07-01 and points them at open successors", async () => {
    const closed = await t.db
      .selectFrom("unit as u")
      .innerJoin("unit as s", "s.id", "u.successor_id")
      .select(["u.code", "u.valid_to", "s.code as successor", "s.valid_to as successorTo", "s.level as successorLevel"])
      .where("u.valid_to", "is not", null)
      .execute();
    expect(closed).toHaveLength(2);
    for (const c of closed) {
      expect(c.valid_to).toBe("2025-07-01");
      expect(c.successorTo).toBeNull();
      expect(["xa", "phuong"]).toContain(c.successorLevel);
    }
    // Their responses predate the closure; no response of a new commune predates its creation.
    const late = await t.db
      .selectFrom("response as r")
      .innerJoin("unit as u", "u.id", "r.unit_id")
      .select("r.id")
      .where((eb) => eb.or([eb("r.submitted_date", ">=", eb.ref("u.valid_to")), eb("r.submitted_date", "<", eb.ref("u.valid_from"))]))
      .execute();
    expect(late).toEqual([]);
  });

  it("offers commune-level services at communes and province-level ones at the centre", async () => {
    const rows = await t.db
      .selectFrom("unit_service as us")
      .innerJoin("unit as u", "u.id", "us.unit_id")
      .innerJoin("service as s", "s.id", "us.service_id")
      .select(["u.level as unitLevel", "s.level as serviceLevel"])
      .distinct()
      .execute();
    const pairs = new Set(rows.map((r) => `${r.unitLevel}:${r.serviceLevel}`));
    expect(pairs.has("xa:xa") && pairs.has("phuong:xa") && pairs.has("to-chuc-khac:tinh")).toBe(true);
    expect(pairs.has("xa:tinh") || pairs.has("phuong:tinh") || pairs.has("to-chuc-khac:xa")).toBe(false);
    // Every response's service is one its unit offers.
    const stray = await t.db
      .selectFrom("response as r")
      .leftJoin("unit_service as us", (j) => j.onRef("us.unit_id", "=", "r.unit_id").onRef("us.service_id", "=", "r.service_id"))
      .select("r.id")
      .where("r.service_id", "is not", null)
      .where("us.unit_id", "is", null)
      .execute();
    expect(stray).toEqual([]);
  });

  it("spreads responses over channels, surveys, a year and office hours", async () => {
    const rows = await t.db.selectFrom("response").select(["channel", "submitted_at", "submitted_date", "kiosk_id"]).execute();
    const share = (c: string) => rows.filter((r) => r.channel === c).length / rows.length;
    expect(share("kiosk")).toBeGreaterThan(0.45);
    expect(share("online")).toBeGreaterThan(0.2);
    expect(share("paper")).toBeGreaterThan(0.01);
    expect(rows.filter((r) => r.channel === "kiosk").every((r) => r.kiosk_id !== null)).toBe(true);
    expect(rows.every((r) => Date.parse(r.submitted_at) <= NOW.getTime())).toBe(true);
    expect(new Set(rows.map((r) => r.submitted_date.slice(0, 7))).size).toBeGreaterThanOrEqual(12);
    const sundays = rows.filter((r) => new Date(`${r.submitted_date}T00:00:00Z`).getUTCDay() === 0).length;
    expect(sundays / rows.length).toBeLessThan(0.05);
    const counterHours = rows
      .filter((r) => r.channel !== "online")
      .map((r) => (new Date(r.submitted_at).getUTCHours() + 7) % 24);
    expect(counterHours.every((h) => h >= 7 && h < 17)).toBe(true);
    const surveys = await t.db
      .selectFrom("response as r")
      .innerJoin("survey as s", "s.id", "r.survey_id")
      .select(["s.slug", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("s.slug")
      .execute();
    const bySlug = Object.fromEntries(surveys.map((s) => [s.slug, Number(s.n)]));
    expect(bySlug["sipas-2017"]).toBeGreaterThan(N / 2);
    expect(bySlug.nhanh).toBeGreaterThan(0);
    expect(bySlug["danh-gia-tthc"]).toBeGreaterThan(0);
  });

  it("has missing answers and 'na' on SIPAS items", async () => {
    const sipas = await loadPublishedVersion(t.db, "sipas-2017");
    const n = await t.db.selectFrom("response").select((eb) => eb.fn.countAll<number>().as("n")).where("survey_id", "=", sipas!.surveyId).executeTakeFirstOrThrow();
    const tc1 = await t.db
      .selectFrom("answer as a")
      .innerJoin("response as r", "r.id", "a.response_id")
      .select(["a.code", "a.text"])
      .where("r.survey_id", "=", sipas!.surveyId)
      .where("a.question_id", "=", "tc1")
      .execute();
    const missing = 1 - tc1.length / Number(n.n);
    expect(missing).toBeGreaterThan(0.01);
    expect(missing).toBeLessThan(0.2);
    expect(tc1.some((a) => a.text === "na")).toBe(true);
  });

  it("keeps roll-ups equal to a recount from the raw rows", async () => {
    const cols = ["survey_id", "survey_version_id", "month", "unit_id", "service_id", "channel"];
    const rolled = await t.db.selectFrom("rollup_response").selectAll().execute();
    const raw = await t.db.selectFrom("response").select(["survey_id", "survey_version_id", "submitted_date", "unit_id", "service_id", "channel"]).execute();
    const recount = raw.map((r) => ({ ...r, month: r.submitted_date.slice(0, 7), service_id: r.service_id ?? 0, count: 1 }));
    expect(asMap(rolled as Row[], cols)).toEqual(asMap(recount as Row[], cols));

    // Scale answers: every (cell, question, code).
    const answers = await t.db
      .selectFrom("answer as a")
      .innerJoin("response as r", "r.id", "a.response_id")
      .select(["a.response_id", "r.survey_id", "r.survey_version_id", "r.submitted_date", "r.unit_id", "r.service_id", "r.channel", "a.question_id", "a.code", "a.text"])
      .execute();
    const cellCols = [...cols, "question_id", "code"];
    const rolledAnswers = await t.db.selectFrom("rollup_answer").selectAll().execute();
    for (const slug of ["sipas-2017", "nhanh", "danh-gia-tthc"]) {
      const v = (await loadPublishedVersion(t.db, slug))!;
      const questions = v.definition.sections.flatMap((s) => s.questions);
      const scale = new Set(questions.filter((q) => q.type === "scale5" || q.type === "smiley" || q.type === "stars").map((q) => q.id));
      const expected = answers
        .filter((a) => a.survey_id === v.surveyId && scale.has(a.question_id) && a.code !== null)
        .map((a) => ({ ...a, month: a.submitted_date.slice(0, 7), service_id: a.service_id ?? 0, count: 1 }));
      const actual = rolledAnswers.filter((r) => r.survey_id === v.surveyId && scale.has(r.question_id));
      expect(asMap(actual as Row[], cellCols)).toEqual(asMap(expected as Row[], cellCols));

      // Single choices: totals per question.
      for (const q of questions.filter((x) => x.type === "single")) {
        const raws = answers.filter((a) => a.survey_id === v.surveyId && a.question_id === q.id).length;
        const sum = rolledAnswers.filter((r) => r.survey_id === v.surveyId && r.question_id === q.id).reduce((s, r) => s + Number(r.count), 0);
        expect(sum, `${slug}/${q.id}`).toBe(raws);
      }
      // Element participation: respondents with at least one valid item of the element.
      for (const element of v.indexModel.aspects.flatMap((a) => a.elements)) {
        const items = new Set(element.items);
        const respondents = new Set(answers.filter((a) => a.survey_id === v.surveyId && items.has(a.question_id) && a.code !== null).map((a) => a.response_id));
        expect(respondents.size).toBeGreaterThan(0);
        const sum = rolledAnswers.filter((r) => r.survey_id === v.surveyId && r.question_id === `@el/${element.id}`).reduce((s, r) => s + Number(r.count), 0);
        expect(sum, `${slug}/@el/${element.id}`).toBe(respondents.size);
      }
    }
  });

  it("gives units different satisfaction levels and leaves some with fewer than 30 responses", async () => {
    const rows = await t.db
      .selectFrom("answer as a")
      .innerJoin("response as r", "r.id", "a.response_id")
      .select(["r.unit_id", "a.code"])
      .where("a.question_id", "like", "tc%")
      .where("a.code", "is not", null)
      .execute();
    const byUnit = new Map<number, { n: number; ok: number }>();
    for (const r of rows) {
      const u = byUnit.get(r.unit_id) ?? { n: 0, ok: 0 };
      u.n++;
      if ((r.code ?? 0) >= 4) u.ok++;
      byUnit.set(r.unit_id, u);
    }
    const rates = [...byUnit.values()].filter((u) => u.n >= 200).map((u) => u.ok / u.n);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.08);
    const counts = await t.db.selectFrom("response").select(["unit_id", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("unit_id").execute();
    expect(counts.some((c) => Number(c.n) < 30)).toBe(true);
  });

  it("refuses a database that already has units", async () => {
    await expect(seedDemo(t.db, { responses: 10, now: NOW })).rejects.toThrow(/already has units/);
  });

  it("is deterministic for a seed and a day", async () => {
    const other = await createTestDb();
    try {
      await prepareDatabase(other.db);
      await seedDemo(other.db, { responses: 120, seed: "test", now: NOW });
      const again = await createTestDb();
      try {
        await prepareDatabase(again.db);
        await seedDemo(again.db, { responses: 120, seed: "test", now: NOW });
        const rows = (db: Db) => db.selectFrom("response").select(["id", "content_hash", "submitted_at"]).orderBy("id").execute();
        const a = await rows(other.db);
        expect(a).toHaveLength(120);
        expect(await rows(again.db)).toEqual(a);
      } finally {
        await again.destroy();
      }
    } finally {
      await other.destroy();
    }
  });

  it("seedDemoIfEmpty seeds only an empty database with SEED_DEMO=1", async () => {
    const fresh = await createTestDb();
    try {
      await prepareDatabase(fresh.db);
      const env = (seed: "0" | "1") => parseEnv({ DATABASE_URL: fresh.url, SEED_DEMO: seed, SECRET_KEY: "k".repeat(40) });
      await seedDemoIfEmpty(fresh.db, env("0"), { responses: 50, now: NOW });
      expect(await countOf(fresh.db, "unit")).toBe(0);
      await seedDemoIfEmpty(fresh.db, env("1"), { responses: 50, now: NOW });
      expect(await countOf(fresh.db, "response")).toBe(50);
      await seedDemoIfEmpty(fresh.db, env("1"), { responses: 50, now: NOW });
      expect(await countOf(fresh.db, "response")).toBe(50);
    } finally {
      await fresh.destroy();
    }
  });
});
