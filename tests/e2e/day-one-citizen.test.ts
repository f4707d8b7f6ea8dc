import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, pageErrorsOf } from "../support/browser";
import { leaksIn } from "../support/english-leaks";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// What a citizen meets on day one (issue 17): pages that fit a 360 px phone, a form that
// asks what it does not know and says kindly when nothing was rated, and plain words.

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  // Enough responses in both communes for the public ranking to show figures.
  const token = await createToken(app, "admin", null);
  const year = new Date().getFullYear();
  for (const unit of ["X1", "X2"]) {
    for (let i = 0; i < 4; i++) {
      const r = await api(app, "/api/v1/responses", { method: "POST", token, json: { id: randomUUID(), survey: "sipas-2017", version: 1, unit, channel: "paper", submittedAt: `${year}-01-0${i + 2}T09:00:00+07:00`, answers: { tc1: 3 + (i % 3), tc5: 4 } } });
      expect(r.status).toBe(201);
    }
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("citizen pages on a 360 px phone", () => {
  it("never scroll sideways nor show English or codes: home, public results, the unit's list, a form step, the thank-you and display pages", async () => {
    const page = await openPage(browser);
    const wide: string[] = [];
    const leaks: string[] = [];
    for (const path of ["/", "/cong-khai", "/danh-gia/X1", "/danh-gia/X1/1.001612", "/cam-on", "/hien-thi"]) {
      await page.goto(`${app.url}${path}`, { waitUntil: "load" });
      const extra = await overflow(page);
      if (extra > 0) wide.push(`${path}: ${extra}px too wide`);
      for (const leak of leaksIn(await page.locator("main").innerText())) leaks.push(`${path}: ${leak}`);
    }
    // The public page with its ranking table drawn.
    await page.goto(`${app.url}/cong-khai`);
    await page.locator("table").first().waitFor();
    expect(await page.getByTestId("overall-index").textContent()).not.toBe("—");
    expect(await page.locator('select[name="survey"]').evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(360);
    expect(wide).toEqual([]);
    expect(leaks).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });
});

describe("the citizen's form", () => {
  it("shows the long title once, then a short heading; the first question is in view at 320 px with A+", async () => {
    const page = await openPage(browser, undefined, { viewport: { width: 320, height: 640 } });
    await page.goto(`${app.url}/hien-thi`);
    await page.getByRole("button", { name: /A\+/ }).click();
    await page.locator("html.text-lg").waitFor();
    await page.goto(`${app.url}/danh-gia/X1/1.001612`);
    expect(await page.locator("h1").textContent()).toContain("Phiếu khảo sát sự hài lòng");
    const first = page.locator("fieldset, .question").first();
    const top = await first.evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeLessThan(640);
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.locator(".form-progress", { hasText: "Bước 2/" }).waitFor();
    expect(await page.locator("h1").textContent()).toBe("Đánh giá sự hài lòng");
    await page.context().close();
  });

  it("no longer offers the abolished district level, nor 'thị trấn'", async () => {
    const page = await openPage(browser, `${app.url}/danh-gia/X1/1.001612`);
    const text = await page.locator("form").innerText();
    expect(text).not.toContain("Cấp huyện");
    expect(text).not.toContain("thị trấn");
    await page.context().close();
  });

  it("refuses, kindly, a form with no rating at all (JavaScript off), and stores nothing", async () => {
    const before = await app.t.db.selectFrom("response").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const page = await openPage(browser, `${app.url}/danh-gia/X1/1.001612`, { javaScriptEnabled: false });
    for (let i = 0; i < 20 && !(await page.getByRole("button", { name: "Gửi phiếu" }).count()); i++) {
      await page.getByRole("button", { name: "Tiếp tục" }).click();
      await page.waitForLoadState("load");
    }
    await page.getByRole("button", { name: "Gửi phiếu" }).click();
    await page.waitForLoadState("load");
    await expect(page.locator(".error-summary").textContent()).resolves.toContain("chưa đánh giá mục nào");
    expect(await page.locator(".form-progress").textContent()).toContain("Bước 2/");
    const after = await app.t.db.selectFrom("response").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    await page.context().close();
  });

  it("explains privacy on the thank-you page in plain words", async () => {
    const page = await openPage(browser, `${app.url}/cam-on`);
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/băm/i);
    expect(text).toContain("không thể đọc ngược");
    await page.context().close();
  });
});
