import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishDefinition } from "~/server/publish.server";
import { publishShippedSurveys } from "~/server/bootstrap.server";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Issue 13.1 (a period's figures come from the models of the versions it holds) and 13.5
// (pooled-all for the health forms, as a new version on existing installs). Hand-computed.

let app: TestApp;
let admin: string;
const shipped = (slug: string) => JSON.parse(fs.readFileSync(path.resolve("survey-definitions", `${slug}.json`), "utf8"));

async function send(survey: string, version: number, date: string, answers: Record<string, number | string>) {
  const body = { id: randomUUID(), survey, version, unit: "X1", service: null, channel: "online", submittedAt: `${date}T09:00:00+07:00`, answers };
  const r = await api(app, "/api/v1/responses", { method: "POST", token: admin, json: body });
  expect(r.status).toBe(201);
}
const summary = async (q: string) => {
  const r = await api(app, `/api/v1/reports/summary?${q}`, { token: admin });
  expect(r.status).toBe(200);
  return r.body;
};

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  admin = await createToken(app, "admin", null);
}, 60_000);
afterAll(async () => app?.stop());

describe("version-true figures", () => {
  // tiep-can (tc1–tc4), the only element answered. January, v1 (mean-of-items):
  // A: tc1=5; B: tc1=2, tc2=tc3=tc4=5 → items 50, 100, 100, 100 → 87.50 (pooled would be 4/5 = 80).
  it("publishing a version that switches aggregation leaves a past period's figures alone", async () => {
    await send("sipas-2017", 1, "2026-01-10", { tc1: 5 });
    await send("sipas-2017", 1, "2026-01-20", { tc1: 2, tc2: 5, tc3: 5, tc4: 5 });
    const before = await summary("survey=sipas-2017&from=2026-01-01&to=2026-01-31");
    expect(before.index).toBeCloseTo(87.5, 9);
    const v2 = { ...shipped("sipas-2017"), index: { aggregation: "pooled" } };
    const published = await publishDefinition(app.t.db, v2, "test");
    expect(published).toMatchObject({ ok: true, version: 2 });
    const after = await summary("survey=sipas-2017&from=2026-01-01&to=2026-01-31");
    expect(after.index).toBeCloseTo(87.5, 9);
    expect(after.method).toMatchObject({ aggregation: "mean-of-items", modelVersion: 1, headline: "version-model" });
    expect(after.designBreak).toBe(false);
    // Days outside whole months (raw rows) follow the same rule.
    const days = await summary("survey=sipas-2017&from=2026-01-05&to=2026-01-25");
    expect(days.index).toBeCloseTo(87.5, 9);
  });

  // February, v2 (pooled): C: tc1=5, tc2=2 → 1/2 = 50. January–February holds both models.
  it("a period holding two models says designBreak and shows each version with its own model", async () => {
    await send("sipas-2017", 2, "2026-02-10", { tc1: 5, tc2: 2 });
    const feb = await summary("survey=sipas-2017&from=2026-02-01&to=2026-02-28");
    expect(feb).toMatchObject({ index: 50, designBreak: false, method: { aggregation: "pooled", modelVersion: 2 } });
    for (const q of ["from=2026-01-01&to=2026-02-28", "from=2026-01-05&to=2026-02-20"]) {
      const both = await summary(`survey=sipas-2017&${q}`);
      expect(both.designBreak).toBe(true);
      expect(both.method).toMatchObject({ aggregation: "pooled", modelVersion: 2, headline: "shared-items" });
      // Headline: the newest model (pooled) over the shared items: satisfied A1 + B3 + C1 = 5 of 7 valid.
      expect(both.index).toBeCloseTo((100 * 5) / 7, 9);
      expect(both.versions.map((v: { version: number; n: number; index: number }) => [v.version, v.n, Math.round(v.index * 1e6) / 1e6])).toEqual([
        [2, 1, 50],
        [1, 2, 87.5],
      ]);
      expect(both.versions[1].elements.find((e: { id: string }) => e.id === "tiep-can")).toMatchObject({ index: 87.5, n: 2 });
    }
  });
});

describe("health forms: pooled-all as a new version", () => {
  it("an install with the old shipped form gets the pooled-all version on start; admins' own versions are left alone", async () => {
    const old = shipped("y-te-noi-tru");
    delete old.index;
    const slugOld = { ...old, slug: "y-te-cu" };
    // A survey published by the shipped set, then the shipped file changes.
    expect(await publishDefinition(app.t.db, slugOld, "system")).toMatchObject({ ok: true, version: 1 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shipped-"));
    try {
      fs.writeFileSync(path.join(dir, "y-te-cu.json"), JSON.stringify({ ...shipped("y-te-noi-tru"), slug: "y-te-cu" }));
      expect(await publishShippedSurveys(app.t.db, dir)).toEqual(["y-te-cu@2"]);
      expect(await publishShippedSurveys(app.t.db, dir)).toEqual([]);
      // An admin's version stops the shipped upgrades.
      expect(await publishDefinition(app.t.db, { ...slugOld, title: { vi: "Phiếu riêng", en: "Own form" } }, "admin:1")).toMatchObject({ version: 3 });
      fs.writeFileSync(path.join(dir, "y-te-cu.json"), JSON.stringify({ ...shipped("y-te-noi-tru"), slug: "y-te-cu", index: { aggregation: "pooled" } }));
      expect(await publishShippedSurveys(app.t.db, dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // Two patients: P: a1..a5 = 5,5,5,5,2 and b1 = 4; Q: a1 = 1, c1 = 5, c2 = 4.
  // Satisfied 4+1+1+1 = 7 of 9 valid → 77.78 (the ministry's rate); mean score
  // (5·4 + 2 + 4 + 1 + 5 + 4) / 9 = 36/9 = 4; return: P chac-chan, Q khac → 1 of 2.
  it("the summary gives the ministry's rate, the mean score and the share who would return", async () => {
    await send("y-te-noi-tru", 1, "2026-03-03", { a1: 5, a2: 5, a3: 5, a4: 5, a5: 2, b1: 4, "quay-lai": "chac-chan" });
    await send("y-te-noi-tru", 1, "2026-03-04", { a1: 1, c1: 5, c2: 4, "quay-lai": "khac" });
    const s = await summary("survey=y-te-noi-tru&from=2026-03-01&to=2026-03-31");
    expect(s.method.aggregation).toBe("pooled-all");
    expect(s.index).toBeCloseTo((100 * 7) / 9, 9);
    expect(s.meanScore).toBeCloseTo(4, 9);
    expect(s.items.find((i: { id: string }) => i.id === "a1").mean).toBeCloseTo(3, 9);
    expect(s.wouldReturn).toMatchObject({ n: 2, count: 1, share: 50 });
    const sipas = await summary("survey=sipas-2017&from=2026-01-01&to=2026-01-31");
    expect(sipas.wouldReturn).toBeNull();
  });
});
