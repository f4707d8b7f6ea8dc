import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatViolations, launchBrowser, openPage, pageErrorsOf, runAxe } from "../support/browser";
import { plannedAnswers, shippedDefinition } from "../support/citizen-form";
import { fillAndSend } from "../support/form-filler";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// The citizen pages around the form: the unit's service list, an invitation from a receipt,
// error and kind pages, display preferences. Screenshots go to /tmp for a human look.

let app: TestApp;
let browser: Browser;
let admin: string;
const SHOTS = "/tmp/hailong-form";

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  admin = await createToken(app, "admin", null);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const axeClean = async (page: Page, where: string) => expect(formatViolations(await runAxe(page)), where).toEqual([]);

async function invitation(dossier: string, survey = "nhanh"): Promise<string> {
  const r = await api(app, "/api/v1/invitations", { method: "POST", token: admin, json: { survey, unit: "X1", service: "1.001612", dossier } });
  expect(r.status).toBe(201);
  return r.body.url as string;
}

describe("citizen pages", () => {
  it("finds the service on the unit's page and starts its form (JavaScript off)", async () => {
    const page = await openPage(browser, `${app.url}/danh-gia/X1`, { javaScriptEnabled: false });
    await page.getByLabel("Tìm theo tên thủ tục").fill("ho kinh doanh");
    await page.getByRole("button", { name: "Tìm" }).click();
    await page.waitForURL(/q=ho\+kinh\+doanh/);
    await page.getByRole("link", { name: /Đăng ký thành lập hộ kinh doanh/ }).click();
    await page.waitForURL(/\/danh-gia\/X1\/1\.001612$/);
    expect(await page.locator(".form-progress").textContent()).toBe("Bước 1/10");
    await page.context().close();
  });

  it("has no axe violations on the service list, kind pages, an error state and the display page", async () => {
    const page = await openPage(browser, `${app.url}/danh-gia/X1`);
    await axeClean(page, "service list");
    await page.screenshot({ path: `${SHOTS}-service-list.png`, fullPage: true });
    for (const path of ["/danh-gia/X2/1.001612", "/moi/hli_khong-co", "/hien-thi"]) {
      await page.goto(`${app.url}${path}`);
      await axeClean(page, path);
    }
    await page.goto(`${app.url}/danh-gia/X1/1.001612`);
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.locator(".form-progress", { hasText: "Bước 2/10" }).waitFor();
    await page.locator('input[name="q_tc1"][value="3"]').check();
    await page.screenshot({ path: `${SHOTS}-scale5.png` });
    // Forge an out-of-range code in the browser: the server answers next to the field.
    await page.locator('input[name="q_tc2"][value="5"]').evaluate((el) => {
      (el as HTMLInputElement).value = "9";
      (el as HTMLInputElement).checked = true;
    });
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator("#tc2-error").textContent()).toBe("Giá trị phải từ 1 đến 5");
    expect(await page.locator('input[name="q_tc1"][value="3"]').isChecked()).toBe(true);
    await axeClean(page, "step with an error");
    await page.screenshot({ path: `${SHOTS}-error.png` });
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it("opens an invitation once, with JavaScript off, and then says kindly that it was used", async () => {
    const url = await invitation("HS-E2E-1");
    const page = await openPage(browser, url, { javaScriptEnabled: false });
    expect(await page.locator(".form-where").textContent()).toBe("Xã Hòa An · Đăng ký thành lập hộ kinh doanh");
    const def = shippedDefinition("nhanh");
    await fillAndSend(page, def, plannedAnswers(def), {});
    await page.goto(url);
    expect(await page.locator("h1").textContent()).toBe("Lời mời này đã được sử dụng");
    await page.context().close();
  });

  it("remembers a larger text and high contrast on the device, and keeps the answers given", async () => {
    const url = await invitation("HS-E2E-2", "danh-gia-tthc");
    const page = await openPage(browser, url);
    await page.locator('input[name="q_cs1"][value="2"]').check();
    await page.getByRole("button", { name: /A\+/ }).click();
    await page.locator("html.text-lg").waitFor();
    await page.getByRole("button", { name: "Tương phản cao" }).click();
    await page.locator("html.text-lg.contrast-high").waitFor();
    expect(await page.locator('input[name="q_cs1"][value="2"]').isChecked()).toBe(true);
    await axeClean(page, "large text, high contrast");
    await page.screenshot({ path: `${SHOTS}-large-contrast.png` });
    await page.goto(`${app.url}/cam-on`);
    expect(await page.locator("html").getAttribute("class")).toBe("text-lg contrast-high");
    await page.getByRole("button", { name: /^A chữ cỡ thường/ }).click();
    await page.waitForURL(/\/cam-on$/);
    await expect.poll(() => page.locator("html").getAttribute("class")).toBe("contrast-high");
    await page.context().close();
  });

  it("is readable at 320 px: no horizontal scrolling on a step and on the review", async () => {
    const page = await openPage(browser, `${app.url}/danh-gia/X1/1.001612?phieu=sipas-2023`, { viewport: { width: 320, height: 640 } });
    const def = shippedDefinition("sipas-2023");
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    let shots = 0;
    await fillAndSend(page, def, plannedAnswers(def), {
      onStep: async (p, section) => {
        expect(await overflow(), section ?? "review").toBeLessThanOrEqual(0);
        if (section === "khoi-a" || section === null) await p.screenshot({ path: `${SHOTS}-320-${section ?? "review"}-${shots++}.png` });
      },
    });
    await page.screenshot({ path: `${SHOTS}-thank-you.png`, fullPage: true });
    await page.context().close();
  });
});
