import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawSample, sampleSize, type FrameEntry } from "../../app/metrics/round-draw";
import { createRng } from "../../app/metrics/prng";
import { offerServices } from "../../db/queries/services";
import type { AnswerSet } from "../../app/survey/types";
import { hiddenValue, plannedAnswers, postForm, shippedDefinition, walkToReview } from "../support/citizen-form";
import { api, createKiosk, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";
import { dialect } from "../support/test-db";

// Issue 11 "Done when": one whole survey round on each database — a frame of 20,000 dossiers,
// the seeded draw (compared with the pure algorithm run here, so SQLite and PostgreSQL must
// agree), the letters PDF with its pages counted, answers by code through paper, phone, the API
// and the letter's link, progress, design-weighted figures equal to a straight computation,
// and close erasing every contact (the raw SQLite file holds none of them).

let app: TestApp;
let admin: string;
const sipas = shippedDefinition("sipas-2017");
const STRATA = { X1: 9000, X2: 7000, SNV: 4000 };
const SEED = "dot-2026-thu";
const MARGIN = 0.1;

interface FrameRow {
  dossier: string;
  unit: string;
  phone: string;
  email: string;
  name: string;
  address: string;
}

/** 20,000 dossiers; every 50th reuses an earlier phone (one person, several dossiers). */
function frameRows(): FrameRow[] {
  const rows: FrameRow[] = [];
  let i = 0;
  for (const [unit, n] of Object.entries(STRATA)) {
    for (let k = 0; k < n; k++, i++) {
      const phone = i % 50 === 49 ? `09${String(i - 7).padStart(8, "0")}` : `09${String(i).padStart(8, "0")}`;
      rows.push({ dossier: `000.00.${unit}-2026-${String(i).padStart(6, "0")}`, unit, phone, email: `cong.dan${i}@thu.vn`, name: `Nguyễn Thị Hạnh ${i}`, address: `Số ${i} đường Trần Hưng Đạo, phường Đông Hà` });
    }
  }
  return rows;
}

const csv = (rows: FrameRow[]) =>
  "dossier,unit,service,completedAt,name,phone,email,address\n" +
  rows.map((r, i) => `${r.dossier},${r.unit},1.001612,2026-0${1 + (i % 9)}-1${i % 10},${r.name},${r.phone},${r.email},"${r.address}"`).join("\n");

const frame = frameRows();
let roundId = 0;
let sample: Array<{ code: string; dossier: string; unit: string; url: string }> = [];

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  const service = await app.t.db.selectFrom("service").select("id").where("code", "=", "1.001612").executeTakeFirstOrThrow();
  for (const code of ["X2", "SNV"]) {
    const unit = await app.t.db.selectFrom("unit").select("id").where("code", "=", code).executeTakeFirstOrThrow();
    await offerServices(app.t.db, unit.id, [service.id]);
  }
  admin = await createToken(app, "admin", null);
}, 60_000);
afterAll(async () => app?.stop());

describe(`a whole survey round [${dialect()}]`, () => {
  it("creates a round (admins only) and refuses a frame with bad rows, storing nothing", async () => {
    const body = { name: "Khảo sát SIPAS 2026", survey: "sipas-2017", unit: "T", from: "2026-01-01", to: "2026-09-30", margin: MARGIN, seed: SEED };
    expect((await api(app, "/api/v1/rounds", { method: "POST", json: body })).status).toBe(401);
    expect((await api(app, "/api/v1/rounds", { method: "POST", token: await createToken(app, "analyst", null), json: body })).status).toBe(403);
    const bad = await api(app, "/api/v1/rounds", { method: "POST", token: admin, json: { ...body, unit: "KHONG" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toContain("unit");
    const created = await api(app, "/api/v1/rounds", { method: "POST", token: admin, json: body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: "draft", survey: "sipas-2017", version: 1, unit: "T", margin: MARGIN, overdraw: 1, seed: SEED });
    roundId = created.body.id;

    const broken =
      "dossier,unit,service,completedAt,phone,email\n" +
      "A-1,X1,1.001612,2026-02-01,0912345678,a@b.vn\n" +
      "A-1,X1,1.001612,2026-02-01,,\n" +
      "A-2,X1,1.001612,2025-12-31,,\n" +
      "A-3,KHONG,1.001612,2026-02-01,,\n" +
      "A-4,X1,1.001612,2026-02-01,12ab,\n" +
      "A-5,X1,1.001612,2026-02-01,,khong-phai-thu\n";
    const r = await api(app, `/api/v1/rounds/${roundId}/frame`, { method: "POST", token: admin, body: broken, headers: { "content-type": "text/csv" }, lang: "en" });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ rows: 6, accepted: 1 });
    expect(r.body.rejected.map((x: { row: number }) => x.row)).toEqual([3, 4, 5, 6, 7]);
    expect(r.body.rejected[0].reason).toContain("row 2");
    expect(r.body.rejected[1].reason).toContain("outside the round's window");
    expect(r.body.rejected[3].reason).toContain("phone");
    expect(await app.t.db.selectFrom("round_dossier").select("id").execute()).toHaveLength(0);
  });

  it("imports a 20,000-dossier frame and draws the documented seeded sample, once", async () => {
    const r = await api(app, `/api/v1/rounds/${roundId}/frame`, { method: "POST", token: admin, body: csv(frame), headers: { "content-type": "text/csv" } });
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(200);
    expect(r.body).toEqual({ rows: 20000, accepted: 20000, rejected: [], strata: [{ unit: "SNV", N: 4000 }, { unit: "X1", N: 9000 }, { unit: "X2", N: 7000 }] });

    const draw = await api(app, `/api/v1/rounds/${roundId}/draw`, { method: "POST", token: admin });
    expect(draw.status, JSON.stringify(draw.body)).toBe(200);
    // n = ceil(N / (1 + N·0.01)): 4000 → 98, 9000 → 99, 7000 → 99 (hand-computed: 97.56, 98.90, 98.59).
    expect(draw.body.strata).toEqual([{ unit: "SNV", N: 4000, n: 98 }, { unit: "X1", N: 9000, n: 99 }, { unit: "X2", N: 7000, n: 99 }]);
    expect(draw.body.drawn).toBe(296);
    expect((await api(app, `/api/v1/rounds/${roundId}/draw`, { method: "POST", token: admin })).status).toBe(409);
    expect((await api(app, `/api/v1/rounds/${roundId}/frame`, { method: "POST", token: admin, body: csv(frame), headers: { "content-type": "text/csv" } })).status).toBe(409);

    const file = await fetch(`${app.url}/api/v1/rounds/${roundId}/sample.csv`, { headers: { authorization: `Bearer ${admin}` } });
    const bytes = Buffer.from(await file.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe("code,dossier,unit,service,url");
    sample = lines.slice(1).map((l) => {
      const [code, dossier, unit, , url] = l.split(",");
      return { code, dossier, unit, url };
    });
    expect(sample).toHaveLength(296);
    for (const s of sample) expect(s.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(new Set(sample.map((s) => s.code)).size).toBe(296);

    // The same algorithm over the same frame, here in the test: both databases must match it.
    const entries: FrameEntry[] = frame.map((f, i) => ({ id: i, stratum: f.unit, dossier: f.dossier.toUpperCase(), person: f.phone, rated: false }));
    const expected = drawSample(entries, SEED, MARGIN, 1).flatMap((s) => s.drawn.map((i) => frame[i].dossier.toUpperCase()));
    expect(sample.map((s) => s.dossier).sort()).toEqual(expected.sort());
    const phones = new Set(sample.map((s) => frame.find((f) => f.dossier.toUpperCase() === s.dossier)!.phone));
    expect(phones.size).toBe(296);
    expect(sampleSize(400, 0.05, 1)).toBe(200);

    const audit = await app.t.db.selectFrom("audit_log").select(["action", "after"]).where("entity", "=", "round").orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["round.create", "round.frame", "round.draw"]);
    expect(JSON.parse(audit[2].after!)).toMatchObject({ seed: SEED, drawn: 296 });
  }, 120_000);

  it("prints one letter per drawn dossier with the fonts embedded", async () => {
    const res = await fetch(`${app.url}/api/v1/rounds/${roundId}/letters.pdf`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer()).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    const pages = pdf.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
    expect(pages % 296).toBe(0);
    expect(pages / 296).toBeGreaterThanOrEqual(2); // the letter, then the questionnaire
    expect(pdf).toContain("/FontFile2");
    const progress = await api(app, `/api/v1/rounds/${roundId}/progress`, { token: admin });
    expect(progress.body.totals.invited).toBe(296);
    const round = await api(app, `/api/v1/rounds/${roundId}`, { token: admin });
    expect(round.body.status).toBe("fieldwork");
  }, 120_000);

  const answered: Array<{ unit: string; answers: AnswerSet }> = [];
  const items = sipas.sections.filter((s) => s.element).flatMap((s) => s.questions.filter((q) => q.type === "scale5").map((q) => q.id));

  it("takes answers by code through paper, phone and online, each code once", async () => {
    const rng = createRng("answers");
    const bias: Record<string, number> = { X1: 0.9, X2: 0.5, SNV: 0.2 };
    const channels = ["paper", "phone", "online"] as const;
    const chosen = sample.filter((_, i) => i % 5 === 0).slice(0, 45);
    for (const [i, s] of chosen.entries()) {
      const answers: AnswerSet = { ...plannedAnswers(sipas) };
      for (const id of items) answers[id] = rng.next() < bias[s.unit] ? 4 + (rng.next() < 0.5 ? 1 : 0) : 1 + Math.floor(rng.next() * 3);
      const r = await api(app, "/api/v1/responses", { method: "POST", token: admin, json: { id: randomUUID(), code: s.code.toLowerCase(), channel: channels[i % 3], unit: s.unit, answers } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      answered.push({ unit: s.unit, answers });
    }
    const used = await api(app, "/api/v1/responses", { method: "POST", token: admin, json: { id: randomUUID(), code: chosen[0].code, channel: "paper", answers: plannedAnswers(sipas) } });
    expect(used.status).toBe(409);
    const unknown = await api(app, "/api/v1/responses", { method: "POST", token: admin, json: { id: randomUUID(), code: "2222-2222", channel: "paper", answers: {} } });
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.error.fields)).toEqual(["code"]);
    const other = sample[1];
    const mismatch = await api(app, "/api/v1/responses", { method: "POST", token: admin, json: { id: randomUUID(), code: other.code, channel: "paper", unit: other.unit === "X1" ? "X2" : "X1", answers: {} } });
    expect(mismatch.status).toBe(400);
    expect(Object.keys(mismatch.body.error.fields)).toEqual(["unit"]);
    const anonymous = await api(app, "/api/v1/responses", { method: "POST", json: { id: randomUUID(), code: other.code, channel: "online", answers: {} } });
    expect(anonymous.status).toBe(401);

    // The letter's link: the citizen's own online form joins the round too.
    const link = sample[2];
    const path = new URL(link.url).pathname;
    const review = await walkToReview(app, path, sipas);
    const sent = await postForm(app, path, [["state", hiddenValue(review.html, "state")!], ["intent", "submit"]]);
    expect([200, 302, 303]).toContain(sent.status);
    answered.push({ unit: link.unit, answers: plannedAnswers(sipas) });
    const again = await api(app, "/api/v1/responses", { method: "POST", token: admin, json: { id: randomUUID(), code: link.code, channel: "paper", answers: plannedAnswers(sipas) } });
    expect(again.status).toBe(409);

    // A kiosk rating of the same survey never enters the round's figures.
    const kiosk = await createKiosk(app, "X1");
    const census = await api(app, "/api/v1/responses", { method: "POST", token: kiosk, json: { id: randomUUID(), survey: "sipas-2017", unit: "X1", channel: "kiosk", answers: Object.fromEntries(items.map((id) => [id, 1])) } });
    expect(census.status).toBe(201);
  }, 120_000);

  it("tracks progress per stratum and channel", async () => {
    const r = await api(app, `/api/v1/rounds/${roundId}/progress`, { token: admin });
    expect(r.status).toBe(200);
    expect(r.body.totals).toMatchObject({ N: 20000, n: 296, drawn: 296, responded: 46, byChannel: { paper: 15, phone: 15, online: 16, kiosk: 0 } });
    expect(r.body.totals.responseRate).toBeCloseTo(46 / 296, 12);
    for (const s of r.body.strata) expect(s.responded).toBe(answered.filter((a) => a.unit === s.unit).length);
    expect((await api(app, `/api/v1/rounds/${roundId}/progress`, { token: await createToken(app, "unit-manager", "X1") })).status).toBe(404);
  });

  it("gives design-weighted figures equal to a straight computation, and unweighted ones on request", async () => {
    const N: Record<string, number> = STRATA;
    const r: Record<string, number> = {};
    for (const a of answered) r[a.unit] = (r[a.unit] ?? 0) + 1;
    for (const weighting of ["design", "none"] as const) {
      const res = await api(app, `/api/v1/reports/summary?survey=sipas-2017&round=${roundId}&weighting=${weighting}`, { token: admin });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.weighting).toBe(weighting);
      expect(res.body.n).toBe(46);
      const strata = Object.fromEntries(res.body.design.strata.map((s: { unit: string }) => [s.unit, s]));
      for (const unit of Object.keys(STRATA)) expect(strata[unit]).toEqual({ unit, N: N[unit], r: r[unit], weight: weighting === "design" ? N[unit] / r[unit] : 1 });
      for (const id of items) {
        let sat = 0;
        let valid = 0;
        for (const a of answered) {
          const v = a.answers[id];
          if (typeof v !== "number") continue;
          const w = weighting === "design" ? N[a.unit] / r[a.unit] : 1;
          valid += w;
          if (v >= 4) sat += w;
        }
        const item = res.body.items.find((i: { id: string }) => i.id === id);
        expect(item.index, id).toBeCloseTo((100 * sat) / valid, 9);
      }
    }
  });

  it("closes the round: contacts erased, codes refused, figures kept", async () => {
    const before = await api(app, `/api/v1/reports/summary?survey=sipas-2017&round=${roundId}`, { token: admin });
    const closed = await api(app, `/api/v1/rounds/${roundId}/close`, { method: "POST", token: admin });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe("closed");
    expect((await api(app, `/api/v1/rounds/${roundId}/close`, { method: "POST", token: admin })).status).toBe(409);
    const left = await app.t.db.selectFrom("round_dossier").select("id").where((eb) => eb.or([eb("contact_sealed", "is not", null), eb("phone_hash", "is not", null)])).execute();
    expect(left).toHaveLength(0);
    const code = await api(app, "/api/v1/responses", { method: "POST", token: admin, json: { id: randomUUID(), code: sample[3].code, channel: "paper", answers: plannedAnswers(sipas) } });
    expect(code.status).toBe(409);
    const after = await api(app, `/api/v1/reports/summary?survey=sipas-2017&round=${roundId}`, { token: admin });
    expect(after.body.index).toBe(before.body.index);
    if (app.t.dialect === "sqlite") {
      const bytes = Buffer.concat([app.t.url, `${app.t.url}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
      // Every 200th dossier's contacts (100 people): none is in the file, before or after close.
      for (const f of frame.filter((_, i) => i % 200 === 0)) {
        for (const value of [f.phone, f.email, f.name, f.address]) expect(bytes.includes(Buffer.from(value, "utf8")), value).toBe(false);
      }
    }
  }, 60_000);
});
