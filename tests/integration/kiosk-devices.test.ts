import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, openConsolePage, postForm, signIn } from "../support/console-session";
import { api, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Registering kiosks in the console and setting a device up with its one-time link.

let app: TestApp;
let adminCookie: string;

const kioskCount = async () => Number((await app.t.db.selectFrom("kiosk").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

async function register(cookie: string, fields: Record<string, string>, withCsrf = true) {
  const page = await openConsolePage(app, "/quan-tri/may-danh-gia", cookie);
  const res = await postForm(app, "/quan-tri/may-danh-gia", { intent: "register", ...(withCsrf ? { csrf: page.csrf } : {}), ...fields }, { cookie });
  const html = await res.text();
  return { status: res.status, html, setupUrl: /(http:\/\/[^"<\s]+\/kiosk\/setup\/hls_[A-Za-z0-9_-]+)/.exec(html)?.[1] };
}

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  await addUser(app, "admin", "admin", null);
  await addUser(app, "quan-ly-x2", "unit-manager", "X2");
  await addUser(app, "phan-tich", "analyst", null);
  adminCookie = await signIn(app, "admin");
});
afterAll(async () => app?.stop());

describe("kiosk console", () => {
  it("is for admins and unit managers only", async () => {
    expect((await openConsolePage(app, "/quan-tri/may-danh-gia", await signIn(app, "phan-tich"))).status).toBe(403);
    expect((await openConsolePage(app, "/quan-tri/may-danh-gia", await signIn(app, "quan-ly-x2"))).status).toBe(200);
    expect((await fetch(`${app.url}/quan-tri/may-danh-gia`, { redirect: "manual" })).status).toBe(302);
  });

  it("registers a kiosk, shows the set-up link once and audits it", async () => {
    const before = await kioskCount();
    const r = await register(adminCookie, { unit: "X1", counter: "Quầy 2", survey: "danh-gia-tthc" });
    expect(r.status).toBe(200);
    expect(r.setupUrl).toMatch(new RegExp(`^${app.url}/kiosk/setup/hls_`));
    expect(await kioskCount()).toBe(before + 1);
    const kiosk = await app.t.db.selectFrom("kiosk").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(kiosk.counter).toBe("Quầy 2");
    const audit = await app.t.db.selectFrom("audit_log").selectAll().where("entity", "=", "kiosk").where("entity_id", "=", String(kiosk.id)).execute();
    // One actor format: user:<id> (the log page shows the name).
    expect(audit.map((a) => [a.actor, a.action])).toEqual([["user:1", "register"]]);
    // The list shows it; the link is not shown again.
    const list = await openConsolePage(app, "/quan-tri/may-danh-gia", adminCookie);
    expect(list.html).toContain("Quầy 2");
    expect(list.html).toContain("Chờ thiết lập");
    expect(list.html).not.toContain("/kiosk/setup/");
  });

  it("refuses bad input, other units and missing CSRF, storing nothing", async () => {
    const before = await kioskCount();
    const empty = await register(adminCookie, { unit: "", counter: "", survey: "nhanh" });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('aria-invalid="true"');
    expect(empty.html).toContain("Vui lòng chọn đơn vị");
    const manager = await signIn(app, "quan-ly-x2");
    const outside = await register(manager, { unit: "X1", counter: "", survey: "nhanh" });
    expect(outside.status).toBe(400);
    expect(outside.html).toContain("ngoài phạm vi");
    expect((await register(adminCookie, { unit: "X1", survey: "khong-co" })).status).toBe(400);
    expect((await register(adminCookie, { unit: "X1" }, false)).status).toBe(403);
    expect(await kioskCount()).toBe(before);
  });

  it("sets a device up once: the link gives a token, then is dead", async () => {
    const r = await register(adminCookie, { unit: "X1", counter: "Quầy 5", survey: "nhanh" });
    const path = new URL(r.setupUrl!).pathname;
    const page = await fetch(`${app.url}${path}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Xác nhận thiết lập");
    // A GET (link preview) does not spend it; a cross-site POST is refused.
    expect((await fetch(`${app.url}${path}`)).status).toBe(200);
    expect((await postForm(app, path, {}, { origin: "https://ke-xau.example" })).status).toBe(403);

    const first = await postForm(app, path, {});
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const token = /hlk_[A-Za-z0-9_-]{32}/.exec(await first.text())?.[0];
    expect(token).toBeTruthy();
    const second = await postForm(app, path, {});
    expect(second.status).toBe(410);
    expect(await second.text()).not.toMatch(/hlk_/);
    expect((await fetch(`${app.url}${path}`)).status).toBe(404);

    const config = await api(app, "/api/v1/kiosk/config", { token });
    expect(config.status).toBe(200);
    expect(config.body.unit).toEqual({ code: "X1", name: "Xã Hòa An" });
    expect(config.body.kiosk.counter).toBe("Quầy 5");
    expect(config.body.survey.slug).toBe("nhanh");
  });

  it("refuses an expired set-up link", async () => {
    const r = await register(adminCookie, { unit: "X1", counter: "Quầy 6", survey: "nhanh" });
    const path = new URL(r.setupUrl!).pathname;
    await app.t.db.updateTable("kiosk").set({ setup_expires_at: new Date(Date.now() - 1000).toISOString() }).where("counter", "=", "Quầy 6").execute();
    expect((await fetch(`${app.url}${path}`)).status).toBe(404);
    expect((await postForm(app, path, {})).status).toBe(410);
  });

  it("revokes a kiosk with an audit row; the device is refused at once", async () => {
    const r = await register(adminCookie, { unit: "X1", counter: "Quầy 7", survey: "nhanh" });
    const token = /hlk_[A-Za-z0-9_-]{32}/.exec(await (await postForm(app, new URL(r.setupUrl!).pathname, {})).text())![0];
    const kiosk = await app.t.db.selectFrom("kiosk").select("id").where("counter", "=", "Quầy 7").executeTakeFirstOrThrow();
    const page = await openConsolePage(app, "/quan-tri/may-danh-gia", adminCookie);
    const manager = await signIn(app, "quan-ly-x2");
    const managerPage = await openConsolePage(app, "/quan-tri/may-danh-gia", manager);
    expect(managerPage.html).not.toContain("Quầy 7");
    expect((await postForm(app, "/quan-tri/may-danh-gia", { intent: "revoke", kiosk: String(kiosk.id), csrf: managerPage.csrf }, { cookie: manager })).status).toBe(404);
    const res = await postForm(app, "/quan-tri/may-danh-gia", { intent: "revoke", kiosk: String(kiosk.id), csrf: page.csrf }, { cookie: adminCookie });
    expect(res.status).toBe(200);
    const audit = await app.t.db.selectFrom("audit_log").select("action").where("entity", "=", "kiosk").where("entity_id", "=", String(kiosk.id)).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["register", "revoke"]);
    const config = await api(app, "/api/v1/kiosk/config", { token });
    expect(config.status).toBe(401);
    expect(config.body.error.message).toBe("Máy đánh giá này đã bị thu hồi");
  });

  it("pushes the next dossier from the paired counter page, and cancels it", async () => {
    await register(adminCookie, { unit: "X1", counter: "Quầy 8", survey: "nhanh" });
    const kiosk = await app.t.db.selectFrom("kiosk").select("id").where("counter", "=", "Quầy 8").executeTakeFirstOrThrow();
    const path = `/quan-tri/may-danh-gia/${kiosk.id}/quay`;
    expect((await openConsolePage(app, path, await signIn(app, "quan-ly-x2"))).status).toBe(404);
    const page = await openConsolePage(app, path, adminCookie);
    expect(page.html).toContain("Chưa có hồ sơ nào đang chờ đánh giá");
    const bad = await postForm(app, path, { csrf: page.csrf, intent: "push", dossier: "", service: "" }, { cookie: adminCookie });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('aria-invalid="true"');
    expect((await postForm(app, path, { intent: "push", dossier: "HS-9" }, { cookie: adminCookie })).status).toBe(403);
    const ok = await postForm(app, path, { csrf: page.csrf, intent: "push", dossier: "HS-9", service: "1.001612" }, { cookie: adminCookie });
    expect(ok.status).toBe(200);
    expect((await openConsolePage(app, path, adminCookie)).html).toContain("hồ sơ HS-9");
    await postForm(app, path, { csrf: page.csrf, intent: "cancel" }, { cookie: adminCookie });
    expect((await openConsolePage(app, path, adminCookie)).html).toContain("Chưa có hồ sơ nào đang chờ đánh giá");
  });
});
