import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTarget } from "../../db/queries/targets";
import { closeUnit, upsertUnit } from "../../db/queries/units";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// The summary against a plain recount of what was sent: random responses over six months,
// four units (one later merged into X1), two channels, with and without a service.

let app: TestApp;
let admin: string;
const ITEMS = Array.from({ length: 22 }, (_, i) => `tc${i + 1}`);
const ELEMENTS: Record<string, string[]> = {
  "tiep-can": ITEMS.slice(0, 4), "thu-tuc": ITEMS.slice(4, 9), "cong-chuc": ITEMS.slice(9, 15), "ket-qua": ITEMS.slice(15, 18), "gop-y": ITEMS.slice(18, 22),
};
interface Sent { unit: string; service: string | null; channel: "online" | "paper"; date: string; answers: Record<string, number> }
const sent: Sent[] = [];

let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  await app.t.db.transaction().execute((trx) => upsertUnit(trx, { code: "X3", name: "Xã Cũ", level: "xa", parentCode: "T" }, new Date().toISOString()));
  admin = await createToken(app, "admin", null);
  const units = ["X1", "X2", "X3", "SNV"];
  const bodies = [];
  for (let k = 0; k < 160; k++) {
    const unit = units[Math.floor(rnd() * units.length)];
    const answers: Record<string, number> = {};
    const bias = 1 + Math.floor(rnd() * 3);
    for (const id of ITEMS) if (rnd() > 0.15) answers[id] = Math.min(5, bias + Math.floor(rnd() * 3));
    const month = 1 + Math.floor(rnd() * 6);
    const date = `2026-0${month}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;
    const s: Sent = { unit, service: unit === "X1" && rnd() > 0.5 ? "1.001612" : null, channel: rnd() > 0.4 ? "online" : "paper", date, answers };
    sent.push(s);
    bodies.push({ id: randomUUID(), survey: "sipas-2017", version: 1, unit, service: s.service, channel: s.channel, submittedAt: `${date}T09:00:00+07:00`, answers });
  }
  const r = await api(app, "/api/v1/responses/batch", { method: "POST", token: admin, json: { responses: bodies } });
  expect(r.status).toBe(200);
  expect(r.body.results.filter((x: { status?: string }) => x.status !== "created")).toEqual([]);
  await app.t.db.transaction().execute((trx) => closeUnit(trx, "X3", "X1", "2026-07-01"));
}, 60_000);
afterAll(async () => app?.stop());

const summary = (q: string) => api(app, `/api/v1/reports/summary?survey=sipas-2017&${q}`, { token: admin });

/** The straightforward recount: docs/method.md §3 over the rows we sent. */
function recount(rows: Sent[]) {
  const item = (id: string) => {
    const valid = rows.filter((r) => r.answers[id] !== undefined);
    return { valid: valid.length, satisfied: valid.filter((r) => r.answers[id] >= 4).length };
  };
  const mean = (xs: Array<number | null>) => {
    const p = xs.filter((x): x is number => x !== null);
    return p.length ? p.reduce((a, b) => a + b, 0) / p.length : null;
  };
  const items = Object.fromEntries(ITEMS.map((id) => [id, item(id)]));
  const elements = Object.fromEntries(Object.entries(ELEMENTS).map(([el, ids]) => [el, mean(ids.map((id) => (items[id].valid ? (100 * items[id].satisfied) / items[id].valid : null)))]));
  return { n: rows.length, items, elements, index: mean(Object.values(elements)) };
}

function expectMatches(body: any, rows: Sent[]) { // eslint-disable-line @typescript-eslint/no-explicit-any
  const want = recount(rows);
  expect(body.n).toBe(want.n);
  for (const i of body.items) expect({ valid: i.valid, satisfied: i.satisfied }).toEqual(want.items[i.id]);
  for (const e of body.elements) expect(e.index).toBeCloseTo(want.elements[e.id]!, 9);
  expect(body.index).toBeCloseTo(want.index!, 9);
}

const within = (from: string, to: string) => (s: Sent) => s.date >= from && s.date <= to;

describe("summary against a recount of raw rows", () => {
  it("matches for whole months (roll-ups) and for partial months (raw rows)", async () => {
    const whole = await summary("from=2026-01-01&to=2026-06-30");
    expect(whole.status).toBe(200);
    expectMatches(whole.body, sent);
    const partial = await summary("from=2026-02-10&to=2026-05-20");
    expectMatches(partial.body, sent.filter(within("2026-02-10", "2026-05-20")));
  });

  it("filters by channel and by service, and counts each unit's subtree", async () => {
    expectMatches((await summary("from=2026-01-01&to=2026-06-30&channel=paper")).body, sent.filter((s) => s.channel === "paper"));
    expectMatches((await summary("from=2026-01-03&to=2026-06-30&channel=online")).body, sent.filter((s) => s.channel === "online" && s.date >= "2026-01-03"));
    const service = await summary("from=2026-01-01&to=2026-06-30&service=1.001612");
    expect(service.body.scope.service).toBe("1.001612");
    expectMatches(service.body, sent.filter((s) => s.service === "1.001612"));
    expect(service.body.services.map((s: { code: string }) => s.code)).toEqual(["1.001612"]);
    expectMatches((await summary("from=2026-01-01&to=2026-06-30&unit=X2")).body, sent.filter((s) => s.unit === "X2"));
    const all = await summary("from=2026-01-01&to=2026-06-30");
    const svc = all.body.services.find((s: { code: string }) => s.code === "1.001612");
    expect(svc.n).toBe(sent.filter((s) => s.service === "1.001612").length);
  });

  it("gives 95% intervals around the index, elements and aspects, and says how", async () => {
    const r = await summary("from=2026-01-01&to=2026-06-30");
    const [lo, hi] = r.body.ci95;
    expect(lo).toBeLessThanOrEqual(r.body.index);
    expect(hi).toBeGreaterThanOrEqual(r.body.index);
    expect(hi - lo).toBeGreaterThan(0);
    for (const e of r.body.elements) expect(e.ci95[0]).toBeLessThanOrEqual(e.index);
    expect(r.body.aspects[0].ci95).toHaveLength(2);
    expect(r.body.method.interval).toMatchObject({ items: "wilson", composite: "respondent-bootstrap", sampled: sent.length });
    const again = await summary("from=2026-01-01&to=2026-06-30");
    expect(again.body.ci95).toEqual(r.body.ci95); // fixed seed
    expect(r.body.units.every((u: { ci95: unknown }) => u.ci95 === null)).toBe(true); // per-unit intervals: dashboards only
  });
});

describe("reorganized units", () => {
  it("shows units as they were by default, or maps a closed unit onto its successor", async () => {
    const asWas = await summary("from=2026-01-01&to=2026-06-30");
    expect(asWas.body.scope.mapping).toBe("as-was");
    const byCode = (b: { units: Array<{ code: string; n: number }> }) => Object.fromEntries(b.units.map((u) => [u.code, u.n]));
    expect(byCode(asWas.body).X3).toBe(sent.filter((s) => s.unit === "X3").length);
    const mapped = await summary("from=2026-01-01&to=2026-06-30&mapping=current");
    expect(mapped.body.scope.mapping).toBe("current");
    expect(byCode(mapped.body).X3).toBeUndefined();
    expect(byCode(mapped.body).X1).toBe(sent.filter((s) => s.unit === "X1" || s.unit === "X3").length);
    expect(mapped.body.index).toBeCloseTo(asWas.body.index, 9); // same responses, same province
    expectMatches((await summary("from=2026-01-01&to=2026-06-30&unit=X1&mapping=current")).body, sent.filter((s) => s.unit === "X1" || s.unit === "X3"));
  });
});

describe("targets", () => {
  it("uses the most specific target and reports element targets", async () => {
    const survey = await app.t.db.selectFrom("survey").select("id").where("slug", "=", "sipas-2017").executeTakeFirstOrThrow();
    await insertTarget(app.t.db, { year: 2026, scope: "unit", scopeKey: "X1", surveyId: null, value: 70, source: null });
    await insertTarget(app.t.db, { year: 2026, scope: "service", scopeKey: "1.001612", surveyId: survey.id, value: 60, source: null });
    await insertTarget(app.t.db, { year: 2026, scope: "element", scopeKey: "cong-chuc", surveyId: null, value: 50, source: null });
    const province = await summary("from=2026-01-01&to=2026-06-30");
    expect(province.body).toMatchObject({ target: 95, targetScope: "overall" });
    expect(province.body.units.find((u: { code: string }) => u.code === "X1").target).toBe(70);
    expect(province.body.elements.find((e: { id: string }) => e.id === "cong-chuc").target).toBe(50);
    expect(province.body.elements.find((e: { id: string }) => e.id === "thu-tuc").target).toBe(95);
    expect((await summary("from=2026-01-01&to=2026-06-30&unit=X1")).body).toMatchObject({ target: 70, targetScope: "unit" });
    const svc = await summary("from=2026-01-01&to=2026-06-30&unit=X1&service=1.001612");
    expect(svc.body).toMatchObject({ target: 60, targetScope: "service", meetsTarget: svc.body.index >= 60 });
  });
});

describe("bad input", () => {
  it.each([
    ["from=2026-01-01&to=2026-06-30&mapping=later", "mapping"],
    ["from=2026-01-01&to=2026-06-30&channel=fax", "channel"],
    ["from=2026-01-01&to=2026-06-30&unit=KHONG", "unit"],
    ["from=2026-01-01&to=2026-06-30&service=9.999", "service"],
    ["from=01/01/2026&to=2026-06-30", "from"],
    ["from=2026-01-01", "to"],
    ["from=2026-01-01&to=2026-06-30&sort=name", "sort"],
  ])("%s → 400 on %s", async (q, field) => {
    const r = await summary(q);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid");
    expect(r.body.error.fields).toHaveProperty(field);
  });

  it("rejects an unknown survey", async () => {
    const r = await api(app, "/api/v1/reports/summary?survey=khong-co&from=2026-01-01&to=2026-06-30", { token: admin });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toHaveProperty("survey");
  });
});
