import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redeemSetupCode, registerKiosk } from "../../app/server/kiosks.server";
import { api, count, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// The device's side of the API: config, submissions with its token, bindings pushed from the counter.

let app: TestApp;

/** A kiosk registered and set up as a device would be: returns its token and id. */
async function setUpKiosk(unit: string, counter: string): Promise<{ token: string; id: number; handToken: string }> {
  const r = await registerKiosk(app.server.services, { unit, counter, survey: "nhanh" }, { actor: "test", baseUrl: app.url, scopeUnitId: null });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const code = new URL(r.kiosk.setupUrl).pathname.split("/").pop()!;
  const token = await redeemSetupCode(app.server.services, code);
  return { token: token!, id: r.kiosk.kioskId, handToken: r.kiosk.token };
}

const rating = (over: Record<string, unknown> = {}) => ({ id: randomUUID(), survey: "nhanh", unit: "X1", channel: "kiosk", answers: { "muc-do": 4 }, ...over });

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
});
afterAll(async () => app?.stop());

describe("kiosk config", () => {
  it("gives the device its unit, survey, services and reports its queue", async () => {
    const k = await setUpKiosk("X1", "Quầy 1");
    const res = await api(app, "/api/v1/kiosk/config", { token: k.token, headers: { "x-kiosk-queue": "7" } });
    expect(res.status).toBe(200);
    expect(res.body.survey.definition.sections[0].questions[0].id).toBe("muc-do");
    expect(res.body.services).toEqual([{ code: "1.001612", name: "Đăng ký thành lập hộ kinh doanh", field: "Đăng ký kinh doanh", uses: 0 }]);
    expect(res.body.binding).toBeNull();
    const row = await app.t.db.selectFrom("kiosk").selectAll().where("id", "=", k.id).executeTakeFirstOrThrow();
    expect(row.queued_reported).toBe(7);
    expect(row.last_seen_at).not.toBeNull();
    // Redeeming the set-up link replaced the token printed at registration.
    expect((await api(app, "/api/v1/kiosk/config", { token: k.handToken })).status).toBe(401);
  });

  it("refuses callers that are not a live kiosk", async () => {
    expect((await api(app, "/api/v1/kiosk/config")).status).toBe(401);
    expect((await api(app, "/api/v1/kiosk/config", { token: "hlk_gia-mao-khong-ton-tai-000000000000" })).status).toBe(401);
    expect((await api(app, "/api/v1/kiosk/config", { token: await createToken(app, "admin", null) })).status).toBe(401);
  });
});

describe("kiosk submissions", () => {
  it("refuses forged, revoked and other units' tokens, storing nothing", async () => {
    const x2 = await setUpKiosk("X2", "Quầy 1");
    const revoked = await setUpKiosk("X1", "Quầy 9");
    await app.t.db.updateTable("kiosk").set({ status: "revoked", revoked_at: new Date().toISOString() }).where("id", "=", revoked.id).execute();
    const before = await count(app, "response");
    expect((await api(app, "/api/v1/responses", { method: "POST", token: "hlk_gia-mao-khong-ton-tai-000000000000", json: rating() })).status).toBe(401);
    const r = await api(app, "/api/v1/responses", { method: "POST", token: revoked.token, json: rating() });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toBe("Máy đánh giá này đã bị thu hồi");
    expect((await api(app, "/api/v1/responses", { method: "POST", token: x2.token, json: rating() })).status).toBe(403);
    expect((await api(app, "/api/v1/responses/batch", { method: "POST", token: revoked.token, json: { responses: [rating()] } })).status).toBe(401);
    expect(await count(app, "response")).toBe(before);
  });

  it("stores the good items of a batch and reports each bad one", async () => {
    const k = await setUpKiosk("X1", "Quầy 2");
    const good = [rating(), rating({ service: "1.001612" })];
    const bad = [rating({ answers: { "muc-do": 9 } }), rating({ unit: "X2" }), { id: "khong-phai-uuid" }];
    const before = await count(app, "response");
    const res = await api(app, "/api/v1/responses/batch", { method: "POST", token: k.token, json: { responses: [good[0], bad[0], bad[1], good[1], bad[2]] } });
    expect(res.status).toBe(200);
    const results = res.body.results as Array<{ id: string; status?: string; error?: { code: string } }>;
    expect(results.map((r) => r.status ?? r.error?.code)).toEqual(["created", "invalid", "forbidden", "created", "invalid"]);
    expect(await count(app, "response")).toBe(before + 2);
    // Replaying the same batch stores nothing more.
    const again = await api(app, "/api/v1/responses/batch", { method: "POST", token: k.token, json: { responses: good } });
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual(["duplicate", "duplicate"]);
    expect(await count(app, "response")).toBe(before + 2);
  });
});

describe("binding the next rating to a dossier", () => {
  it("lets the counter push a dossier that the kiosk rates once", async () => {
    const k = await setUpKiosk("X1", "Quầy 3");
    const manager = await createToken(app, "unit-manager", "X1");
    const push = (token: string | undefined, json: unknown) => api(app, `/api/v1/kiosks/${k.id}/next`, { method: "POST", token, json });
    const dossier = "000.00.12.H12-260302-0001";

    expect((await push(undefined, { dossier })).status).toBe(401);
    expect((await push(k.token, { dossier })).status).toBe(401);
    expect((await push(await createToken(app, "analyst", null), { dossier })).status).toBe(403);
    expect((await push(await createToken(app, "unit-manager", "X2"), { dossier })).status).toBe(404);
    expect((await push(manager, { dossier, service: "1.001193" })).status).toBe(400);
    expect((await push(manager, { dossier: "" })).status).toBe(400);

    const pushed = await push(manager, { dossier, service: "1.001612" });
    expect(pushed.status).toBe(201);
    const row = await app.t.db.selectFrom("kiosk_binding").selectAll().where("id", "=", pushed.body.binding.id).executeTakeFirstOrThrow();
    expect(row.dossier_sealed).not.toContain("H12"); // sealed, not plain text

    const config = await api(app, "/api/v1/kiosk/config", { token: k.token });
    expect(config.body.binding).toMatchObject({ id: pushed.body.binding.id, dossier, service: "1.001612" });

    const first = await api(app, "/api/v1/responses", { method: "POST", token: k.token, json: rating({ dossier, service: "1.001612" }) });
    expect(first.status).toBe(201);
    const second = await api(app, "/api/v1/responses", { method: "POST", token: k.token, json: rating({ dossier }) });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("conflict");

    // The device reports the binding spent: it is gone, and the dossier forgotten.
    const after = await api(app, "/api/v1/kiosk/config", { token: k.token, headers: { "x-kiosk-binding-done": String(pushed.body.binding.id) } });
    expect(after.body.binding).toBeNull();
    const done = await app.t.db.selectFrom("kiosk_binding").selectAll().where("id", "=", pushed.body.binding.id).executeTakeFirstOrThrow();
    expect(done.dossier_sealed).toBeNull();
    expect(done.done_at).not.toBeNull();
  });

  it("keeps only the latest push and expires it", async () => {
    const k = await setUpKiosk("X1", "Quầy 4");
    const admin = await createToken(app, "admin", null);
    await api(app, `/api/v1/kiosks/${k.id}/next`, { method: "POST", token: admin, json: { dossier: "HS-1" } });
    await api(app, `/api/v1/kiosks/${k.id}/next`, { method: "POST", token: admin, json: { dossier: "HS-2" } });
    expect((await api(app, "/api/v1/kiosk/config", { token: k.token })).body.binding.dossier).toBe("HS-2");
    await app.t.db.updateTable("kiosk_binding").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("kiosk_id", "=", k.id).execute();
    expect((await api(app, "/api/v1/kiosk/config", { token: k.token })).body.binding).toBeNull();
  });
});
