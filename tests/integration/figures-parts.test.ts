import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDossierFile } from "../../app/server/import-dossiers.server";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Issue 13.6 (dossiers of part months pro rata, sample reached per part) and 13.8 (thin parts),
// once per dialect, with hand-computed figures.

let app: TestApp;
let token: string;
const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);

async function send(survey: string, unit: string, date: string, answers: Record<string, unknown>, service: string | null = null) {
  const json = { id: randomUUID(), survey, version: 1, unit, service, channel: "paper", submittedAt: `${date}T09:00:00+07:00`, answers };
  const r = await api(app, "/api/v1/responses", { method: "POST", token, json });
  expect(r.status).toBe(201);
}
const summary = async (q: string) => {
  const r = await api(app, `/api/v1/reports/summary?${q}`, { token });
  expect(r.status).toBe(200);
  return r.body;
};

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  token = await createToken(app, "admin", null);
}, 60_000);
afterAll(async () => app?.stop());

describe("dossier figures on part months", () => {
  // 15/03–14/04: March counts 17/31 of its dossiers, April 14/30. X1 (1.001612): 310 in March,
  // 300 in April → 170 + 140 = 310. X2 (1.001193): 10 in March → 170/31. One "không hài lòng".
  it("counts dossiers pro rata by day, and judges the sample per unit and per service", async () => {
    await send("danh-gia-tthc", "X1", "2026-03-20", { "muc-do-hai-long": "khong-hai-long" }, "1.001612");
    await send("danh-gia-tthc", "X1", "2026-04-10", { "muc-do-hai-long": "hai-long" }, "1.001612");
    for (let k = 0; k < 6; k++) await send("danh-gia-tthc", "X2", "2026-03-25", { "muc-do-hai-long": "hai-long" });
    const imported = await importDossierFile(app.t.db, csv(["unit,service,month,count", "X1,1.001612,2026-03,310", "X1,1.001612,2026-04,300", "X2,1.001193,2026-03,10"]), { actor: "test" });
    expect(imported.committed).toBe(true);
    const s = await summary("survey=danh-gia-tthc&from=2026-03-15&to=2026-04-14");
    const dossiers = 310 + 170 / 31;
    expect(s.counter.coverage.dossiers).toBeCloseTo(dossiers, 9);
    expect(s.counter.coverage.basis).toBe("pro-rata-days");
    expect(s.counter.qd766).toBeCloseTo((100 * (dossiers - 1)) / dossiers, 9);
    expect(s.counter.coverage.responseRate).toBeCloseTo((100 * 8) / dossiers, 9);
    // X1: n = 310/(1 + 310·0.0025) → 175 needed, 2 answered; X2: 5.48… → 6 needed, 6 answered.
    expect(s.counter.coverage.units.map((u: { code: string; required: number; responses: number; reached: boolean }) => [u.code, u.required, u.responses, u.reached])).toEqual([
      ["X1", 175, 2, false],
      ["X2", 6, 6, true],
    ]);
    expect(s.counter.coverage.services.map((u: { code: string; required: number; responses: number; reached: boolean }) => [u.code, u.required, u.responses, u.reached])).toEqual([
      ["1.001193", 6, 0, false],
      ["1.001612", 175, 2, false],
    ]);
    // Whole months stay whole: March alone has 320 dossiers.
    expect((await summary("survey=danh-gia-tthc&from=2026-03-01&to=2026-03-31")).counter.coverage.dossiers).toBe(320);
  });
});

describe("thin parts", () => {
  // 30 forms at X1 in May: tc1 answered by all, tc2 by 5, thu-tuc (tc5–tc9) by none: the
  // unit is not small (n = 30) but tc2 and thu-tuc are.
  it("flags items and elements with fewer than 30 valid answers, not only the unit", async () => {
    for (let k = 0; k < 30; k++) await send("sipas-2017", "X1", "2026-05-12", k < 5 ? { tc1: 5, tc2: 4 } : { tc1: 4 });
    const s = await summary("survey=sipas-2017&from=2026-05-01&to=2026-05-31");
    expect(s.smallSample).toBe(false);
    const item = (id: string) => s.items.find((i: { id: string }) => i.id === id);
    expect([item("tc1").valid, item("tc1").smallSample]).toEqual([30, false]);
    expect([item("tc2").valid, item("tc2").smallSample]).toEqual([5, true]);
    expect(s.elements.find((e: { id: string }) => e.id === "tiep-can")).toMatchObject({ n: 30, smallSample: false });
    expect(s.elements.find((e: { id: string }) => e.id === "thu-tuc")).toMatchObject({ n: 0, smallSample: true });
    expect(s.aspects[0]).toMatchObject({ n: 30, smallSample: false });
  });
});

describe("perception indicators", () => {
  // June at X1: phiền hà "không" 3, "một số" 1; X2: "nhiều" 1 → 5 answers.
  it("gives each option's share with n and a Wilson interval, for the scope and each unit", async () => {
    for (const v of ["khong", "khong", "khong", "mot-so"]) await send("sipas-2017", "X1", "2026-06-03", { tc1: 5, "phien-ha": v });
    await send("sipas-2017", "X2", "2026-06-04", { tc1: 5, "phien-ha": "nhieu" });
    const s = await summary("survey=sipas-2017&from=2026-06-01&to=2026-06-30");
    const ph = s.indicators.find((i: { id: string }) => i.id === "phien-ha");
    expect(ph.n).toBe(5);
    expect(ph.options.map((o: { id: string; count: number; share: number }) => [o.id, o.count, o.share])).toEqual([
      ["khong", 3, 60],
      ["mot-so", 1, 20],
      ["nhieu", 1, 20],
    ]);
    expect(ph.options[0].ci95[0]).toBeLessThan(60);
    const x1 = ph.units.find((u: { code: string }) => u.code === "X1");
    expect(x1.n).toBe(4);
    expect(x1.options[0].share).toBe(75);
    expect(s.indicators.map((i: { id: string }) => i.id)).toEqual(["phien-ha", "chi-phi-ngoai"]);
    // Days outside whole months count the same.
    const days = await summary("survey=sipas-2017&from=2026-06-02&to=2026-06-20");
    expect(days.indicators[0].n).toBe(5);
  });
});
