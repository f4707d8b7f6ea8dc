import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerKiosk, revokeKioskAudited } from "../../app/server/kiosks.server";
import { formatViolations, launchBrowser, openPage, pageErrorsOf, runAxe } from "../support/browser";
import { offerServices, upsertService } from "../../db/queries/services";
import { getUnitByCode } from "../../db/queries/units";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// The counter kiosk in Chromium: set-up, the rating flow, offline and exactly once.

let app: TestApp;
let browser: Browser;
const LANDSCAPE = { width: 1280, height: 800 };

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Registers a kiosk of X1 and sets a fresh browser context up as that device. */
async function newDevice(counter: string, options: { clock?: boolean; unit?: string } = {}): Promise<{ page: Page; context: BrowserContext; kioskId: number }> {
  const r = await registerKiosk(app.server.services, { unit: options.unit ?? "X1", counter, survey: "nhanh" }, { actor: "e2e", baseUrl: app.url, scopeUnitId: null });
  if (!r.ok) throw new Error("registration failed");
  const page = await openPage(browser, undefined, { viewport: LANDSCAPE, screen: LANDSCAPE });
  if (options.clock) await page.clock.install();
  await page.goto(r.kiosk.setupUrl);
  await page.getByRole("button", { name: "Xác nhận thiết lập máy này" }).click();
  await page.waitForURL(`${app.url}/kiosk`);
  expect(page.url()).not.toContain("hlk_");
  await screen(page, "attract");
  return { page, context: page.context(), kioskId: r.kiosk.kioskId };
}

const screen = (page: Page, kind: string) => page.locator(`.kiosk[data-screen="${kind}"]`).waitFor();
const stored = async (kioskId: number) =>
  Number((await app.t.db.selectFrom("response").select((eb) => eb.fn.countAll<number>().as("n")).where("kiosk_id", "=", kioskId).executeTakeFirstOrThrow()).n);

async function waitFor(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Face → skip the service → thank-you → back to the attract screen. */
async function quickRating(page: Page, face: string) {
  await page.getByRole("button", { name: face, exact: true }).click();
  await page.getByRole("button", { name: "Bỏ qua" }).click();
  await screen(page, "thanks");
  await screen(page, "attract");
}

async function noScroll(page: Page) {
  return page.evaluate(() => {
    const body = document.querySelector(".kiosk-body")!;
    return document.documentElement.scrollHeight <= innerHeight && body.scrollHeight <= body.clientHeight + 1;
  });
}

describe("counter kiosk", () => {
  it("runs the whole flow: faces, service, thank-you; fits the screen, big targets, accessible", async () => {
    const { page, kioskId } = await newDevice("Quầy 1");
    expect(await page.getByText("Xã Hòa An · Quầy 1").isVisible()).toBe(true);
    expect(await noScroll(page)).toBe(true);
    expect(formatViolations(await runAxe(page))).toEqual([]);
    const small = await page.locator(".kiosk button").evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height < 64 || e.getBoundingClientRect().width < 64).length);
    expect(small).toBe(0);

    await page.getByRole("button", { name: "Hài lòng", exact: true }).click();
    await screen(page, "service");
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await page.getByRole("button", { name: "Đăng ký thành lập hộ kinh doanh" }).click();
    await screen(page, "thanks");
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await waitFor(async () => (await stored(kioskId)) === 1, "the first rating on the server");
    const row = await app.t.db.selectFrom("response").select(["channel", "service_id"]).where("kiosk_id", "=", kioskId).executeTakeFirstOrThrow();
    expect(row.channel).toBe("kiosk");
    expect(row.service_id).not.toBeNull();
    const metrics = await page.evaluate(() => (window as unknown as { __kioskMetrics: { queuedMs: number[]; storedMs: number[] } }).__kioskMetrics);
    console.log(`tap→IndexedDB ${metrics.queuedMs[0].toFixed(1)} ms, tap→stored on server ${metrics.storedMs[0]?.toFixed(1)} ms`);

    // A dissatisfied citizen gets the reasons, still without scrolling, in both orientations.
    await screen(page, "attract");
    await page.getByRole("button", { name: "Rất không hài lòng" }).click();
    await page.getByRole("button", { name: "Bỏ qua" }).click();
    await page.getByRole("heading", { name: "Điều gì khiến Ông/Bà chưa hài lòng?" }).waitFor();
    expect(await noScroll(page)).toBe(true);
    await page.setViewportSize({ width: 800, height: 1280 });
    expect(await noScroll(page)).toBe(true);
    expect(formatViolations(await runAxe(page))).toEqual([]);
    // Without a reason chosen, "Bỏ qua" is the secondary way on; once chosen, "Tiếp tục" is the main one.
    expect(await page.getByRole("button", { name: "Bỏ qua" }).getAttribute("class")).toContain("secondary");
    await page.getByRole("button", { name: "Thời gian chờ lâu" }).click();
    expect(await page.getByRole("button", { name: "Tiếp tục" }).getAttribute("class")).toBeNull();
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.getByRole("heading", { name: "Ông/Bà có góp ý gì thêm?" }).waitFor();
    await page.getByRole("button", { name: "Gửi đánh giá" }).dblclick();
    await screen(page, "thanks");
    await waitFor(async () => (await stored(kioskId)) === 2, "the second rating");
    await screen(page, "attract");
    expect(await noScroll(page)).toBe(true); // upright screen, faces one per row

    // Text size and contrast are remembered on the device.
    await page.getByRole("button", { name: "Chữ lớn hơn" }).click();
    await page.getByRole("button", { name: "Tương phản cao" }).click();
    await page.reload();
    await page.locator(".kiosk.kiosk-size-l.kiosk-contrast").waitFor();
    expect(formatViolations(await runAxe(page))).toEqual([]);
    expect(await stored(kioskId)).toBe(2); // the double tap on "Gửi đánh giá" was one response
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  }, 90_000);

  it("keeps 5 ratings made offline through a reload and stores each exactly once", async () => {
    const { page, context, kioskId } = await newDevice("Quầy 2");
    await page.locator('.kiosk[data-offline-ready="1"]').waitFor();
    await context.setOffline(true);
    // The worker is cut off too, so the reload below really boots from its cache.
    const [worker] = context.serviceWorkers();
    expect(await worker.evaluate(() => fetch("/favicon.ico", { cache: "no-store" }).then(() => "online", () => "offline"))).toBe("offline");
    await page.locator('[data-testid="kiosk-staff"][data-online="false"]').waitFor();
    for (let i = 0; i < 5; i++) await quickRating(page, "Rất hài lòng");
    await page.locator('[data-testid="kiosk-staff"][data-queued="5"]').waitFor();
    const queued = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res) => { const r = indexedDB.open("hailong-kiosk"); r.onsuccess = () => res(r.result); });
      return new Promise<unknown[]>((res) => { const r = db.transaction("queue").objectStore("queue").getAll(); r.onsuccess = () => res(r.result); });
    });
    expect(queued).toHaveLength(5);
    expect(await stored(kioskId)).toBe(0);

    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await screen(page, "attract");
    await page.locator('[data-testid="kiosk-staff"][data-queued="5"]').waitFor();

    await context.setOffline(false);
    await page.locator('[data-testid="kiosk-staff"][data-queued="0"]').waitFor({ timeout: 30_000 });
    expect(await stored(kioskId)).toBe(5);

    // Replay the whole queue twice, as a confused device would: still 5.
    for (let round = 0; round < 2; round++) {
      await page.evaluate(async (items) => {
        const db = await new Promise<IDBDatabase>((res) => { const r = indexedDB.open("hailong-kiosk"); r.onsuccess = () => res(r.result); });
        await new Promise<void>((res) => { const tx = db.transaction("queue", "readwrite"); for (const it of items) tx.objectStore("queue").put(it); tx.oncomplete = () => res(); });
        window.dispatchEvent(new Event("online"));
      }, queued);
      await waitFor(async () => (await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((res) => { const r = indexedDB.open("hailong-kiosk"); r.onsuccess = () => res(r.result); });
        return new Promise<number>((res) => { const r = db.transaction("queue").objectStore("queue").count(); r.onsuccess = () => res(r.result); });
      })) === 0, "the replayed queue to drain");
    }
    expect(await stored(kioskId)).toBe(5);
    expect(await page.locator(".kiosk-staff .rejected").count()).toBe(0);
    await context.close();
  }, 120_000);

  it("ties the next rating to the dossier the counter pushed, and takes a second rating of it kindly", async () => {
    const { page, context, kioskId } = await newDevice("Quầy 5");
    const token = await createToken(app, "unit-manager", "X1");
    const push = () => api(app, `/api/v1/kiosks/${kioskId}/next`, { method: "POST", token, json: { dossier: "000.00.12.H12-260302-0042", service: "1.001612" } });
    expect((await push()).status).toBe(201);
    await page.getByTestId("kiosk-bound").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("kiosk-bound").textContent()).toContain("Đăng ký thành lập hộ kinh doanh");
    await page.getByRole("button", { name: "Hài lòng", exact: true }).click();
    await screen(page, "thanks"); // the service came with the binding: no service screen
    await waitFor(async () => (await stored(kioskId)) === 1, "the bound rating");
    const row = await app.t.db.selectFrom("response").select(["dossier_hash", "service_id"]).where("kiosk_id", "=", kioskId).executeTakeFirstOrThrow();
    expect(row.dossier_hash).not.toBeNull();
    await screen(page, "attract");
    // The device reports the binding spent on its next poll; the server forgets the dossier.
    const open = () => app.t.db.selectFrom("kiosk_binding").select("id").where("kiosk_id", "=", kioskId).where("done_at", "is", null).execute();
    await waitFor(async () => (await open()).length === 0, "the binding to be spent");

    // The same dossier again: refused by the server (409), said kindly, kept aside, not retried.
    expect((await push()).status).toBe(201);
    await page.getByTestId("kiosk-bound").waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Rất hài lòng" }).click();
    await page.getByText("Hồ sơ này đã được đánh giá trước đó").waitFor();
    await page.locator(".kiosk-staff .rejected").waitFor();
    expect(await stored(kioskId)).toBe(1);
    await context.close();
  }, 90_000);

  it("on idle keeps what was answered, then starts over with nothing shown", async () => {
    const { page, context, kioskId } = await newDevice("Quầy 3", { clock: true });
    await page.getByRole("button", { name: "Không hài lòng", exact: true }).click();
    await page.getByRole("button", { name: "Bỏ qua" }).click();
    await page.getByRole("button", { name: "Thái độ của cán bộ, công chức" }).click();
    expect(await page.getByRole("button", { name: "Thái độ của cán bộ, công chức" }).getAttribute("aria-pressed")).toBe("true");
    await page.clock.fastForward(46_000);
    await screen(page, "attract");
    await page.clock.resume();
    await waitFor(async () => (await stored(kioskId)) === 1, "the abandoned rating on the server");
    await page.getByRole("button", { name: "Không hài lòng", exact: true }).click();
    await page.getByRole("button", { name: "Bỏ qua" }).click();
    expect(await page.getByRole("button", { name: "Thái độ của cán bộ, công chức" }).getAttribute("aria-pressed")).toBe("false");
    const row = await app.t.db.selectFrom("response").select(["id", "service_id"]).where("kiosk_id", "=", kioskId).executeTakeFirstOrThrow();
    expect(row.service_id).toBeNull();
    const answers = await app.t.db.selectFrom("answer").select(["question_id", "code"]).where("response_id", "=", row.id).orderBy("question_id").execute();
    expect(answers.map((a) => a.question_id)).toContain("muc-do");
    await context.close();
  });

  it("keeps a tapped face when the citizen walks away at the procedure question", async () => {
    const { page, context, kioskId } = await newDevice("Quầy 4", { clock: true });
    await page.getByRole("button", { name: "Rất hài lòng", exact: true }).click();
    await screen(page, "service");
    await page.clock.fastForward(46_000);
    await screen(page, "attract");
    await page.clock.resume();
    await waitFor(async () => (await stored(kioskId)) === 1, "the face alone on the server");
    const row = await app.t.db.selectFrom("response").select(["id", "service_id"]).where("kiosk_id", "=", kioskId).executeTakeFirstOrThrow();
    expect(row.service_id).toBeNull();
    const face = await app.t.db.selectFrom("answer").select("code").where("response_id", "=", row.id).where("question_id", "=", "muc-do").executeTakeFirstOrThrow();
    expect(Number(face.code)).toBe(5);
    await context.close();
  });

  it("offers every procedure of the unit by touch: most used first, by field, in pages", async () => {
    const now = new Date().toISOString();
    const fields = ["Hộ tịch", "Chứng thực", "Đất đai"];
    const codes: string[] = [];
    await app.t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 20; i++) {
        const code = `9.${String(100 + i)}`;
        codes.push(code);
        await upsertService(trx, { code, name: `Thủ tục ${String.fromCharCode(65 + i)} mẫu`, field: fields[i % 3], level: "xa" }, now);
      }
      const x2 = (await getUnitByCode(trx, "X2"))!;
      const ids = await trx.selectFrom("service").select("id").where("code", "in", [...codes, "1.001193"]).execute();
      await offerServices(trx, x2.id, ids.map((r) => r.id));
    });
    const token = await createToken(app, "admin", null);
    for (let i = 0; i < 3; i++) {
      const r = await api(app, "/api/v1/responses", { method: "POST", token, json: { id: crypto.randomUUID(), survey: "nhanh", unit: "X2", service: "1.001193", channel: "paper", answers: { "muc-do": 4 } } });
      expect(r.status).toBe(201);
    }
    const { page, context } = await newDevice("Quầy 5", { unit: "X2" });
    await page.getByRole("button", { name: "Hài lòng", exact: true }).click();
    await screen(page, "service");
    // Alphabetically "Đăng ký khai sinh" would not lead; it is the most used here, so it does.
    expect(await page.locator(".kiosk-service-list .choice").first().textContent()).toBe("Đăng ký khai sinh");
    expect(await noScroll(page)).toBe(true);
    expect(formatViolations(await runAxe(page))).toEqual([]);
    const seen = new Set<string>();
    for (let turn = 0; turn < 10; turn++) {
      for (const name of await page.locator(".kiosk-service-list .choice").allTextContents()) seen.add(name);
      const next = page.getByRole("button", { name: "Trang sau ›" });
      if (await next.isDisabled()) break;
      await next.click();
    }
    expect(seen.size).toBe(21);
    await page.getByRole("button", { name: "Đất đai" }).click();
    expect(await page.locator(".kiosk-page-title").textContent()).toContain("Đất đai");
    await page.getByRole("button", { name: "Thủ tục C mẫu" }).click();
    await screen(page, "thanks");
    await context.close();
  }, 60_000);

  it("shows a revoked kiosk a clear screen and takes no more ratings", async () => {
    const { page, context, kioskId } = await newDevice("Quầy 4");
    await revokeKioskAudited(app.server.services, kioskId, { actor: "e2e", scopeUnitId: null });
    await screen(page, "revoked");
    expect(await page.getByRole("heading", { name: "Máy đánh giá đã ngừng hoạt động" }).isVisible()).toBe(true);
    expect(await page.locator(".face").count()).toBe(0);
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await page.reload();
    await screen(page, "revoked");
    expect(await stored(kioskId)).toBe(0);
    await context.close();
  });
});
