import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeDossier } from "../../app/server/ingest.server";
import { createKiosk, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";
import { api, count } from "../support/test-app";
import { getPage, hasText, hiddenValue, postForm, shippedDefinition, walkToReview } from "../support/citizen-form";

// POST /api/v1/invitations (docs/api.md): who may create them, what is stored (hashes only), and the
// single-use link /moi/:token that opens the form bound to unit, service and dossier.

let app: TestApp;
let admin: string;
const nhanh = shippedDefinition("nhanh");
const body = (over: Record<string, unknown> = {}) => ({ survey: "nhanh", unit: "X1", service: "1.001612", dossier: "000.00.12.H12-250101-0001", ...over });
const invitations = async () => Number((await app.t.db.selectFrom("invitation").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

async function invite(over: Record<string, unknown> = {}) {
  const r = await api(app, "/api/v1/invitations", { method: "POST", token: admin, json: body(over) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { token: string; url: string; qrSvg: string; expiresAt: string };
}

/** Answers the invitation's form and sends it; returns the last page and the review's state. */
async function answerAndSend(token: string) {
  const review = await walkToReview(app, `/moi/${token}`, nhanh);
  const state = hiddenValue(review.html, "state")!;
  const sent = await postForm(app, `/moi/${token}`, [["state", state], ["intent", "submit"]]);
  return { sent, state };
}

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  admin = await createToken(app, "admin", null);
});
afterAll(async () => app?.stop());

describe("POST /api/v1/invitations", () => {
  it("refuses callers without the right role or subtree, with the API error shape, storing nothing", async () => {
    const anonymous = await api(app, "/api/v1/invitations", { method: "POST", json: body() });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ code: "unauthorized", message: expect.any(String) });
    const analyst = await api(app, "/api/v1/invitations", { method: "POST", token: await createToken(app, "analyst", null), json: body() });
    expect(analyst.status).toBe(403);
    const otherUnit = await api(app, "/api/v1/invitations", { method: "POST", token: await createToken(app, "unit-manager", "X2"), json: body() });
    expect(otherUnit.status).toBe(403);
    expect(otherUnit.body.error.code).toBe("forbidden");
    const kiosk = await api(app, "/api/v1/invitations", { method: "POST", token: await createKiosk(app, "X1"), json: body() });
    expect(kiosk.status).toBe(403);
    expect(await invitations()).toBe(0);
  });

  it("rejects bad input field by field, in the caller's language, storing nothing", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ dossier: undefined }, "dossier"],
      [{ survey: "khong-co" }, "survey"],
      [{ unit: "KHONG" }, "unit"],
      [{ unit: "X2" }, "service"],
      [{ expiresAt: "2020-01-01T00:00:00+07:00" }, "expiresAt"],
      [{ expiresAt: "ngày mai" }, "expiresAt"],
      [{ extra: 1 }, "extra"],
    ];
    for (const [over, field] of cases) {
      const r = await api(app, "/api/v1/invitations", { method: "POST", token: admin, json: body(over) });
      expect(r.status, field).toBe(400);
      expect(r.body.error.code).toBe("invalid");
      expect(Object.keys(r.body.error.fields ?? {}), field).toContain(field);
    }
    const en = await api(app, "/api/v1/invitations", { method: "POST", token: admin, lang: "en", json: body({ expiresAt: "2020-01-01T00:00:00Z" }) });
    expect(en.body.error.fields.expiresAt).toBe("The expiry must be in the future");
    const notJson = await api(app, "/api/v1/invitations", { method: "POST", token: admin, body: "{", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(400);
    expect(await invitations()).toBe(0);
  });

  it("creates a link and an SVG QR code, storing only keyed hashes, 30 days by default", async () => {
    const manager = await createToken(app, "unit-manager", "T");
    const r = await api(app, "/api/v1/invitations", { method: "POST", token: manager, json: body({ dossier: " 000.00.12.h12-250101-0002 " }) });
    expect(r.status).toBe(201);
    expect(r.body.token).toMatch(/^hli_/);
    expect(r.body.url).toBe(`${app.url}/moi/${r.body.token}`);
    expect(r.body.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const row = await app.t.db.selectFrom("invitation").selectAll().executeTakeFirstOrThrow();
    const { hasher } = app.server.services;
    expect(row.token_hash).toBe(hasher.hash("invitation", r.body.token));
    expect(row.dossier_hash).toBe(hasher.hash("dossier", normalizeDossier("000.00.12.H12-250101-0002")));
    expect(JSON.stringify(row)).not.toMatch(/hli_|250101/);
    const days = (Date.parse(row.expires_at) - Date.parse(row.created_at)) / 86_400_000;
    expect(days).toBeCloseTo(30, 3);
  });
});

describe("the invitation link /moi/:token", () => {
  it("opens the bound form once; a resend gets the same thank-you; afterwards the link is used", async () => {
    const inv = await invite({ dossier: "HS-0003" });
    const first = await getPage(app, `/moi/${inv.token}`);
    expect(first.status).toBe(200);
    expect(hasText(first.html, "Xã Hòa An · Đăng ký thành lập hộ kinh doanh"), "Xã Hòa An · Đăng ký thành lập hộ kinh doanh").toBe(true);
    const before = await count(app, "response");
    const { sent, state } = await answerAndSend(inv.token);
    expect(sent.status).toBe(302);
    expect(sent.location).toBe("/cam-on");
    const resend = await postForm(app, `/moi/${inv.token}`, [["state", state], ["intent", "submit"]]);
    expect(resend.location).toBe("/cam-on");
    expect(await count(app, "response")).toBe(before + 1);
    const stored = await app.t.db.selectFrom("response").selectAll().orderBy("received_at", "desc").executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ channel: "online", dossier_hash: app.server.services.hasher.hash("dossier", "HS-0003") });
    const again = await getPage(app, `/moi/${inv.token}`);
    expect(again.status).toBe(410);
    expect(hasText(again.html, "Lời mời này đã được sử dụng"), "Lời mời này đã được sử dụng").toBe(true);
  });

  it("refuses a dossier already rated: at creation (409) and on a second invitation's page", async () => {
    const spare = await invite({ dossier: "HS-0004" });
    const used = await invite({ dossier: "HS-0004" });
    expect((await answerAndSend(used.token)).sent.location).toBe("/cam-on");
    const page = await getPage(app, `/moi/${spare.token}`);
    expect(page.status).toBe(409);
    expect(hasText(page.html, "Hồ sơ này đã được đánh giá"), "Hồ sơ này đã được đánh giá").toBe(true);
    const r = await api(app, "/api/v1/invitations", { method: "POST", token: admin, json: body({ dossier: "hs-0004" }) });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("conflict");
  });

  it("shows a kind page for an unknown or expired link, and an expired link stores nothing", async () => {
    const unknown = await getPage(app, "/moi/hli_khong-co");
    expect(unknown.status).toBe(404);
    expect(hasText(unknown.html, "Đường dẫn đánh giá không hợp lệ"), "Đường dẫn đánh giá không hợp lệ").toBe(true);
    const inv = await invite({ dossier: "HS-0005" });
    const review = await walkToReview(app, `/moi/${inv.token}`, nhanh);
    await app.t.db.updateTable("invitation").set({ expires_at: "2020-01-01T00:00:00.000Z" }).where("token_hash", "=", app.server.services.hasher.hash("invitation", inv.token)).execute();
    const before = await count(app, "response");
    const sent = await postForm(app, `/moi/${inv.token}`, [["state", hiddenValue(review.html, "state")!], ["intent", "submit"]]);
    expect(sent.status).toBe(410);
    expect(hasText(sent.html, "Lời mời đánh giá đã hết hạn"), "Lời mời đánh giá đã hết hạn").toBe(true);
    expect(await count(app, "response")).toBe(before);
    expect((await getPage(app, `/moi/${inv.token}`)).status).toBe(410);
  });

  it("does not accept a state from another link", async () => {
    const a = await invite({ dossier: "HS-0006" });
    const b = await invite({ dossier: "HS-0007" });
    const review = await walkToReview(app, `/moi/${a.token}`, nhanh);
    const before = await count(app, "response");
    const sent = await postForm(app, `/moi/${b.token}`, [["state", hiddenValue(review.html, "state")!], ["intent", "submit"]]);
    expect(sent.status).toBe(400);
    expect(hasText(sent.html, "Không đọc được phiếu đang điền"), "Không đọc được phiếu đang điền").toBe(true);
    expect(await count(app, "response")).toBe(before);
  });
});
