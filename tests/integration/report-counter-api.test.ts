// Counter figures and per-unit intervals in the summary API, and complaints for QĐ 766
// (once per dialect). Hand-computed data: a few per-dossier ratings (danh-gia-tthc), a few
// SIPAS forms (sipas-2017), dossier counts with and without complaints.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDossierFile } from "../../app/server/import-dossiers.server";
import { describeIssue } from "../../app/server/import-issues.server";
import { formatPercent } from "../../app/metrics/format";
import { addUser, getPage, postForm, signIn, type Session } from "../support/console";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let token: string;
let admin: Session;
const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
const ITEMS = Array.from({ length: 22 }, (_, i) => `tc${i + 1}`);
const all = (code: number) => Object.fromEntries(ITEMS.map((id) => [id, code]));

async function send(survey: string, unit: string, answers: Record<string, unknown>, service: string | null = null) {
  const json = { id: randomUUID(), survey, version: 1, unit, service, channel: "paper", submittedAt: "2026-03-10T09:00:00+07:00", answers };
  const r = await api(app, "/api/v1/responses", { method: "POST", token, json });
  expect(r.status).toBe(201);
}

const summary = async (q: string) => {
  const r = await api(app, `/api/v1/reports/summary?from=2026-03-01&to=2026-03-31&${q}`, { token });
  expect(r.status).toBe(200);
  return r.body;
};
const page = async (path: string) => (await getPage(app, path, admin.cookie)).text();
const dossierRows = () => app.t.db.selectFrom("dossier_count").select(["month", "count", "complaints"]).orderBy("count").execute();

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  token = await createToken(app, "admin", null);
  // danh-gia-tthc, March 2026: X1 (service 1.001612) 2 very satisfied, 1 satisfied, 1 not; X2 1 satisfied, 1 not.
  for (const level of ["rat-hai-long", "rat-hai-long", "hai-long", "khong-hai-long"]) await send("danh-gia-tthc", "X1", { "muc-do-hai-long": level }, "1.001612");
  for (const level of ["hai-long", "khong-hai-long"]) await send("danh-gia-tthc", "X2", { "muc-do-hai-long": level });
  // sipas-2017: X1 three forms all 5 (index 100); X2 one all 5 and one all 1 (index 50).
  for (let k = 0; k < 3; k++) await send("sipas-2017", "X1", all(5));
  await send("sipas-2017", "X2", all(5));
  await send("sipas-2017", "X2", all(1));
  await addUser(app, "quan-tri", "admin", null);
  admin = await signIn(app, "quan-tri");
}, 60_000);
afterAll(async () => app?.stop());

describe("QĐ 766 with imported complaints", () => {
  it("gives null, not 0, without dossier counts", async () => {
    const body = await summary("survey=danh-gia-tthc");
    expect(body.counter).toMatchObject({ coverage: null, complaints: null, qd766: null, smiley: null });
    expect(body.counter.levels.map((l: { count: number }) => l.count)).toEqual([2, 2, 2]);
  });

  it("counts the 3-level ratings of days outside whole months like the roll-ups do", async () => {
    const r = await api(app, "/api/v1/reports/summary?survey=danh-gia-tthc&from=2026-03-05&to=2026-03-20", { token });
    expect(r.status).toBe(200);
    expect(r.body.counter.levels.map((l: { count: number }) => l.count)).toEqual([2, 2, 2]);
  });

  it("computes QĐ 766 without complaints when none were imported, and says so", async () => {
    const first = await importDossierFile(app.t.db, csv(["unit,service,month,count", "X1,1.001612,2026-03,60", "X2,1.001193,2026-03,10"]), { actor: "test" });
    expect(first.committed).toBe(true);
    expect(await dossierRows()).toEqual([{ month: "2026-03", count: 10, complaints: null }, { month: "2026-03", count: 60, complaints: null }]);
    const body = await summary("survey=danh-gia-tthc");
    // (70 dossiers − 2 not satisfied) ÷ 70
    expect(body.counter.qd766).toBeCloseTo((100 * 68) / 70, 9);
    expect(body.counter.complaints).toBeNull();
    expect(body.counter.coverage).toMatchObject({ dossiers: 70, responses: 6 });
  });

  it("refuses a file with a bad complaints cell and changes nothing", async () => {
    const before = await dossierRows();
    const audits = await app.t.db.selectFrom("audit_log").select("id").execute();
    const bad = await importDossierFile(
      app.t.db,
      csv(["unit,service,month,count,complaints", "X1,1.001612,2026-03,60,3", "X2,1.001193,2026-03,10,11", "X2,1.001193,2026-04,10,-1", "X2,1.001193,2026-05,10,1.5", "X2,1.001193,2026-06,abc,2"]),
      { actor: "test" },
    );
    expect(bad.committed).toBe(false);
    expect(bad.rows.map((r) => [r.row, r.status, r.issues.map((i) => i.key).join()])).toEqual([
      [2, "updated", ""],
      [3, "rejected", "complaintsOverCount"],
      [4, "rejected", "complaintsInvalid"],
      [5, "rejected", "complaintsInvalid"],
      [6, "rejected", "countInvalid"],
    ]);
    expect(describeIssue(bad.rows[1].issues[0], "vi")).toBe("Số hồ sơ có phản ánh, kiến nghị (11) lớn hơn số hồ sơ (10)");
    expect(describeIssue(bad.rows[1].issues[0], "en")).toBe("complaints (11) exceed the dossier count (10)");
    expect(describeIssue(bad.rows[2].issues[0], "vi")).toContain('"-1" phải là số nguyên không âm');
    expect(await dossierRows()).toEqual(before);
    expect(await app.t.db.selectFrom("audit_log").select("id").execute()).toEqual(audits);
    // The console's import page names the column and gives the same reason in Vietnamese.
    expect(await page("/quan-tri/nhap/so-ho-so")).toContain("Cột complaints (không bắt buộc)");
    const form = new FormData();
    form.set("csrf", admin.csrf);
    form.set("op", "preview");
    form.set("file", new Blob(["unit,service,month,count,complaints\nX2,1.001193,2026-03,10,11\n"]), "hồ sơ.csv");
    expect(await (await postForm(app, "/quan-tri/nhap/so-ho-so", form, admin.cookie)).text()).toContain("Số hồ sơ có phản ánh, kiến nghị (11) lớn hơn số hồ sơ (10)");
    expect(await dossierRows()).toEqual(before);
  });

  it("subtracts the complaints of the scope; partial reporting is stated", async () => {
    // X1 reports 3 complaints; X2's cell is empty: not reported.
    const good = await importDossierFile(app.t.db, csv(["unit,service,month,count,complaints", "X1,1.001612,2026-03,60,3", "X2,1.001193,2026-03,10,"]), { actor: "test" });
    expect(good).toMatchObject({ committed: true, counts: { updated: 1, unchanged: 1 } });
    expect(await dossierRows()).toEqual([{ month: "2026-03", count: 10, complaints: null }, { month: "2026-03", count: 60, complaints: 3 }]);
    const province = await summary("survey=danh-gia-tthc");
    expect(province.counter.complaints).toEqual({ count: 3, dossiers: 60 });
    expect(province.counter.qd766).toBeCloseTo((100 * (70 - 2 - 3)) / 70, 9);
    const x1 = await summary("survey=danh-gia-tthc&unit=X1");
    expect(x1.counter.complaints).toEqual({ count: 3, dossiers: 60 });
    expect(x1.counter.qd766).toBeCloseTo((100 * (60 - 1 - 3)) / 60, 9);
    const x2 = await summary("survey=danh-gia-tthc&unit=X2");
    expect(x2.counter.complaints).toBeNull();
    expect(x2.counter.qd766).toBe(90); // (10 − 1) ÷ 10
    // A period without dossier counts: nothing reported.
    expect((await api(app, "/api/v1/reports/summary?survey=danh-gia-tthc&from=2026-04-01&to=2026-04-30", { token })).body.counter).toMatchObject({ coverage: null, complaints: null, qd766: null });
  });

  it("shows the same figure on the dashboard, with what was subtracted", async () => {
    const html = await page("/quan-tri/bao-cao?survey=danh-gia-tthc&period=month&year=2026&part=3");
    expect(html).toContain(formatPercent((100 * 65) / 70));
    expect(html).toContain("Đã trừ 3 hồ sơ có phản ánh, kiến nghị; số liệu này mới có cho 60 trên 70 hồ sơ.");
    const x2 = await page("/quan-tri/bao-cao?survey=danh-gia-tthc&period=month&year=2026&part=3&unit=X2");
    expect(x2).toContain("Chưa trừ hồ sơ có phản ánh, kiến nghị: chưa nhập số liệu này.");
  });
});

describe("summary API: counter figures and per-unit intervals", () => {
  it("refuses an unknown kind of intervals", async () => {
    const r = await api(app, "/api/v1/reports/summary?survey=sipas-2017&from=2026-03-01&to=2026-03-31&intervals=services", { token });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toHaveProperty("intervals");
  });

  it("gives each unit its 95% interval when asked (hand-computed), null without responses", async () => {
    expect((await summary("survey=sipas-2017")).units.map((u: { ci95: unknown }) => u.ci95)).toEqual([null, null, null]); // not asked: as before
    const body = await summary("survey=sipas-2017&intervals=units");
    const units = Object.fromEntries(body.units.map((u: { code: string; index: number | null; ci95: unknown }) => [u.code, [u.index, u.ci95]]));
    // X1: three identical respondents → every replicate is 100. X2: one all satisfied, one not →
    // replicates 0, 50 or 100; the 2.5% and 97.5% quantiles of 400 are 0 and 100.
    expect(units).toEqual({ X1: [100, [100, 100]], X2: [50, [0, 100]], SNV: [null, null] });
    // Dossier counts belong to units and services, not surveys: coverage applies; QĐ 766 needs
    // the 3-level rating this survey does not ask.
    expect(body.counter).toMatchObject({ levels: null, smiley: null, score: null, coverage: { dossiers: 70, responses: 5, required: 60, reached: false }, complaints: { count: 3, dossiers: 60 }, qd766: null });
  });

  it("matches the dashboards on the same data", async () => {
    const body = await summary("survey=danh-gia-tthc");
    const html = await page("/quan-tri/bao-cao?survey=danh-gia-tthc&period=month&year=2026&part=3");
    for (const l of body.counter.levels) expect(html).toContain(formatPercent(l.share));
    expect(html).toContain(formatPercent(body.counter.coverage.responseRate));
    const units = await page("/quan-tri/bao-cao/don-vi?survey=sipas-2017&period=month&year=2026&part=3");
    const ci = (await summary("survey=sipas-2017&intervals=units")).units.find((u: { code: string }) => u.code === "X2").ci95;
    expect(units).toContain(`${formatPercent(ci[0])} – ${formatPercent(ci[1])}`);
  });
});
