import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, count, createKiosk, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let kioskX1: string;
let kioskX2: string;
let unitManagerT: string;

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  kioskX1 = await createKiosk(app, "X1");
  kioskX2 = await createKiosk(app, "X2");
  unitManagerT = await createToken(app, "unit-manager", "T");
});
afterAll(async () => app?.stop());

const body = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  survey: "sipas-2017",
  version: 1,
  unit: "X1",
  service: "1.001612",
  channel: "online",
  locale: "vi",
  submittedAt: "2026-03-02T08:16:10+07:00",
  answers: { tc1: 5, tc2: 4, tc3: null, "y-kien": "Cần thêm ghế chờ" },
  ...over,
});

describe("POST /api/v1/responses", () => {
  it("stores a new response once: 201, then 200 duplicate, then 409 for a changed body", async () => {
    const b = body();
    const before = await count(app, "response");
    const first = await api(app, "/api/v1/responses", { method: "POST", json: b });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: b.id, status: "created" });

    const again = await api(app, "/api/v1/responses", { method: "POST", json: { ...b, answers: { "y-kien": "Cần thêm ghế chờ", tc2: 4, tc1: 5, tc3: null } } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: b.id, status: "duplicate" });

    const changed = await api(app, "/api/v1/responses", { method: "POST", json: { ...b, answers: { tc1: 1 } } });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe("conflict");
    expect(await count(app, "response")).toBe(before + 1);
  });

  it("stores codes, not labels, and keeps 'no answer' out of the rows", async () => {
    const b = body({ answers: { tc1: 5, tc4: "na", tc2: null, "y-kien": "  <b>Tốt</b>  " } });
    expect((await api(app, "/api/v1/responses", { method: "POST", json: b })).status).toBe(201);
    const rows = await app.t.db.selectFrom("answer").selectAll().where("response_id", "=", b.id).orderBy("question_id").execute();
    expect(rows.map((r) => [r.question_id, r.code, r.text])).toEqual([
      ["tc1", 5, null],
      ["tc4", null, "na"],
      ["y-kien", null, "<b>Tốt</b>"],
    ]);
  });

  it("rejects bad answers with localized per-field messages and stores nothing", async () => {
    const before = await count(app, "response");
    const bad = body({ answers: { tc1: 7, tc2: "rất tốt", khong: 1 } });
    const vi = await api(app, "/api/v1/responses", { method: "POST", json: bad });
    expect(vi.status).toBe(400);
    expect(vi.body.error.code).toBe("invalid");
    expect(vi.body.error.message).toBe("Dữ liệu gửi lên không hợp lệ");
    expect(vi.body.error.fields["answers.tc1"]).toBe("Giá trị phải từ 1 đến 5");
    expect(vi.body.error.fields["answers.khong"]).toBe("Câu hỏi không có trong phiếu");

    const en = await api(app, "/api/v1/responses", { method: "POST", json: bad, lang: "en-US,en;q=0.9" });
    expect(en.body.error.fields["answers.tc1"]).toBe("The value must be between 1 and 5");
    expect(await count(app, "response")).toBe(before);
  });

  it("rejects unknown unit, service, survey version and a service the unit does not offer", async () => {
    const r = await api(app, "/api/v1/responses", { method: "POST", json: body({ unit: "NOPE", service: "9.999999", version: 99 }) });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.fields).sort()).toEqual(["service", "unit", "version"]);
    const other = await api(app, "/api/v1/responses", { method: "POST", json: body({ unit: "X2" }) });
    expect(other.status).toBe(400);
    expect(other.body.error.fields.service).toBe("Đơn vị không giải quyết thủ tục này");
  });

  it("rejects malformed envelopes: bad uuid, unknown field, not JSON, too large", async () => {
    const badId = await api(app, "/api/v1/responses", { method: "POST", json: body({ id: "123", extra: 1 }) });
    expect(badId.status).toBe(400);
    expect(badId.body.error.fields).toHaveProperty("id");
    expect(badId.body.error.fields).toHaveProperty("extra");

    const notJson = await api(app, "/api/v1/responses", { method: "POST", body: "{nope", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe("invalid");

    const huge = await api(app, "/api/v1/responses", { method: "POST", json: body({ answers: { "y-kien": "x".repeat(70_000) } }) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("too_large");
  });

  it("needs the unit's own kiosk token for kiosk responses", async () => {
    const b = body({ channel: "kiosk" });
    expect((await api(app, "/api/v1/responses", { method: "POST", json: b })).status).toBe(401);
    expect((await api(app, "/api/v1/responses", { method: "POST", json: b, token: "hlk_forged" })).status).toBe(401);
    const other = await api(app, "/api/v1/responses", { method: "POST", json: b, token: kioskX2 });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe("forbidden");
    const ok = await api(app, "/api/v1/responses", { method: "POST", json: b, token: kioskX1 });
    expect(ok.status).toBe(201);
    const row = await app.t.db.selectFrom("response").select(["channel", "kiosk_id"]).where("id", "=", b.id).executeTakeFirstOrThrow();
    expect(row.channel).toBe("kiosk");
    expect(row.kiosk_id).not.toBeNull();
  });

  it("lets a dossier be rated once per survey and stores only its keyed hash", async () => {
    const dossier = "000.00.12.H12-250101-0001";
    // A dossier needs a channel that proves it: here paper entry with an API token.
    const first = body({ dossier, channel: "paper" });
    expect((await api(app, "/api/v1/responses", { method: "POST", json: first, token: unitManagerT })).status).toBe(201);
    const second = await api(app, "/api/v1/responses", { method: "POST", json: body({ channel: "paper", dossier: ` ${dossier.toLowerCase()} ` }), token: unitManagerT });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe("Hồ sơ này đã được đánh giá. Cảm ơn ông/bà!");
    const row = await app.t.db.selectFrom("response").select("dossier_hash").where("id", "=", first.id).executeTakeFirstOrThrow();
    expect(row.dossier_hash).toBeTruthy();
    expect(row.dossier_hash).not.toContain("H12");
  });

  it("paper responses need an API token with the right role and subtree", async () => {
    const b = body({ channel: "paper" });
    expect((await api(app, "/api/v1/responses", { method: "POST", json: b })).status).toBe(401);
    const analyst = await createToken(app, "analyst", "T");
    expect((await api(app, "/api/v1/responses", { method: "POST", json: b, token: analyst })).status).toBe(403);
    const managerX2 = await createToken(app, "unit-manager", "X2");
    expect((await api(app, "/api/v1/responses", { method: "POST", json: b, token: managerX2 })).status).toBe(403);
    expect((await api(app, "/api/v1/responses", { method: "POST", json: b, token: unitManagerT })).status).toBe(201);
  });

  it("commits concurrent submissions together and each exactly once", async () => {
    const before = await count(app, "response");
    const bodies = Array.from({ length: 40 }, () => body());
    const results = await Promise.all(bodies.map((b) => api(app, "/api/v1/responses", { method: "POST", json: b, token: unitManagerT })));
    expect(results.map((r) => r.status)).toEqual(bodies.map(() => 201));
    const replay = await Promise.all(bodies.map((b) => api(app, "/api/v1/responses", { method: "POST", json: b, token: unitManagerT })));
    expect(replay.every((r) => r.status === 200 && r.body.status === "duplicate")).toBe(true);
    expect(await count(app, "response")).toBe(before + 40);
  });
});

describe("POST /api/v1/responses/batch", () => {
  it("stores the good items and reports each bad one, in order", async () => {
    const good = [body({ channel: "kiosk" }), body({ channel: "kiosk" })];
    const bad = body({ channel: "kiosk", answers: { tc1: 0 } });
    const before = await count(app, "response");
    const r = await api(app, "/api/v1/responses/batch", { method: "POST", json: { responses: [good[0], bad, good[1], good[0]] }, token: kioskX1 });
    expect(r.status).toBe(200);
    expect(r.body.results[0]).toEqual({ id: good[0].id, status: "created" });
    expect(r.body.results[1].id).toBe(bad.id);
    expect(r.body.results[1].error.fields["answers.tc1"]).toBe("Giá trị phải từ 1 đến 5");
    expect(r.body.results[2]).toEqual({ id: good[1].id, status: "created" });
    expect(r.body.results[3]).toEqual({ id: good[0].id, status: "duplicate" });
    expect(await count(app, "response")).toBe(before + 2);
  });

  it("refuses an empty or oversized batch", async () => {
    expect((await api(app, "/api/v1/responses/batch", { method: "POST", json: { responses: [] }, token: kioskX1 })).status).toBe(400);
    const many = Array.from({ length: 501 }, () => body({ channel: "kiosk" }));
    expect((await api(app, "/api/v1/responses/batch", { method: "POST", json: { responses: many }, token: kioskX1 })).status).toBe(400);
  });
});

describe("roll-ups", () => {
  it("always equal a recount from the raw answer rows", async () => {
    const survey = await app.t.db.selectFrom("survey").select("id").where("slug", "=", "sipas-2017").executeTakeFirstOrThrow();
    const raw = await app.t.db
      .selectFrom("answer as a")
      .innerJoin("response as r", "r.id", "a.response_id")
      .select(["a.question_id", "a.code", (eb) => eb.fn.countAll<number>().as("n")])
      .where("a.code", ">=", 1)
      .where("a.code", "<=", 5)
      .where("r.survey_id", "=", survey.id)
      .groupBy(["a.question_id", "a.code"])
      .execute();
    const rolled = await app.t.db
      .selectFrom("rollup_answer")
      .select(["question_id", "code", (eb) => eb.fn.sum<number>("count").as("n")])
      .where("question_id", "not like", "@%")
      .where("survey_id", "=", survey.id)
      .groupBy(["question_id", "code"])
      .execute();
    const key = (r: { question_id: string; code: number | null; n: number }) => `${r.question_id}:${Number(r.code)}:${Number(r.n)}`;
    expect(rolled.map(key).sort()).toEqual(raw.map(key).sort());
    const responses = await count(app, "response");
    const total = await app.t.db.selectFrom("rollup_response").select((eb) => eb.fn.sum<number>("count").as("n")).executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(responses);
  });
});
