import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser } from "../../db/queries/credentials";
import { hashPassword } from "../../app/server/passwords.server";
import { formatViolations, launchBrowser, openPage, pageErrorsOf, runAxe } from "../support/browser";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Each report page in Chromium: signed in as an admin, accessible (axe), no script errors,
// charts drawn by the lazily loaded chart.js next to their tables.

let app: TestApp;
let browser: Browser;
const PASSWORD = "mật-khẩu-đủ-dài-2026";

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  const token = await createToken(app, "admin", null);
  const answers = [{ tc1: 5, tc2: 4, tc5: 3, tc6: 4 }, { tc1: 4, tc5: 2, tc6: 5 }, { tc1: 3, tc2: 3, tc5: 4, tc6: 4 }, { tc1: 5, tc2: 5, tc6: 1 }];
  for (const [i, a] of answers.entries()) {
    const r = await api(app, "/api/v1/responses", { method: "POST", token, json: { id: randomUUID(), survey: "sipas-2017", version: 1, unit: "X1", service: "1.001612", channel: "paper", submittedAt: `2026-0${i + 1}-02T09:00:00+07:00`, answers: a } });
    expect(r.status).toBe(201);
  }
  await insertUser(app.t.db, { username: "quan-tri", passwordHash: await hashPassword(PASSWORD), role: "admin", unitId: null }, new Date().toISOString());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signedInPage(): Promise<Page> {
  const page = await openPage(browser, `${app.url}/login?redirectTo=/quan-tri`);
  await page.getByLabel("Tên đăng nhập").fill("quan-tri");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => url.pathname === "/quan-tri");
  return page;
}

const Q = "?period=year&year=2026";

describe("report dashboards in Chromium", () => {
  it("opens every report page accessibly, with charts and their tables", async () => {
    const page = await signedInPage();
    for (const path of ["/quan-tri/bao-cao", "/quan-tri/bao-cao/yeu-to", "/quan-tri/bao-cao/don-vi", "/quan-tri/bao-cao/thu-tuc"]) {
      await page.goto(`${app.url}${path}${Q}`, { waitUntil: "load" });
      await page.locator(".chart-box canvas").first().waitFor({ state: "attached" });
      expect(await page.locator("table").count()).toBeGreaterThan(0);
      expect(formatViolations(await runAxe(page)), path).toEqual([]);
    }
    await page.goto(`${app.url}/quan-tri/bao-cao${Q}`);
    expect(await page.getByTestId("report-index").textContent()).toBe("62,50%");
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it("drills down from the ranking into a unit, and filters with a plain GET form", async () => {
    const page = await signedInPage();
    await page.goto(`${app.url}/quan-tri/bao-cao/don-vi${Q}`);
    await page.getByRole("link", { name: "Xã Hòa An" }).click();
    await page.waitForURL(/unit=X1/);
    expect(await page.locator("h1").textContent()).toBe("Các đơn vị trực thuộc Xã Hòa An");
    await page.locator('select[name="period"]').selectOption("quarter");
    await page.locator('input[name="part"]').fill("1");
    await page.getByRole("button", { name: "Xem báo cáo" }).click();
    await page.waitForURL(/period=quarter/);
    expect(await page.getByTestId("report-index").textContent()).not.toBe("Chưa có dữ liệu");
    await page.context().close();
  });

  it("downloads the report document (DOCX, PDF) from a report page, and sets its issuer accessibly", async () => {
    const page = await signedInPage();
    await page.goto(`${app.url}/quan-tri/bao-cao/yeu-to${Q}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải DOCX (để sửa)" }).click()]);
    expect(download.suggestedFilename()).toBe("bao-cao-tong-hop-2026-01-01-2026-12-31.docx");
    const pdf = await page.request.get(`${app.url}${await page.getByRole("link", { name: "Tải PDF" }).getAttribute("href")}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await page.goto(`${app.url}/quan-tri/van-ban-bao-cao`);
    await page.getByLabel("Họ và tên người ký").fill("Nguyễn Văn A");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Đã lưu.").waitFor();
    expect(await page.getByLabel("Họ và tên người ký").inputValue()).toBe("Nguyễn Văn A");
    expect(formatViolations(await runAxe(page))).toEqual([]);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it("prints on A4 in the NĐ 30/2020 form without its buttons, and edits targets accessibly", async () => {
    const page = await signedInPage();
    await page.goto(`${app.url}/quan-tri/bao-cao/in${Q}`);
    expect(await page.locator(".state-name").textContent()).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(await page.getByTestId("print-index").textContent()).toBe("62,50%");
    // The NĐ 30/2020 frame from the root's settings (defaults: the root's Sở Nội vụ signs).
    expect(await page.locator(".issuer-name").textContent()).toBe("SỞ NỘI VỤ");
    expect(await page.locator(".doc-number").textContent()).toContain("/BC-SNV");
    expect(await page.locator(".place-date").textContent()).toMatch(/, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
    expect(await page.locator(".recipients-head").textContent()).toBe("Nơi nhận:");
    expect(await page.locator(".signer-title").textContent()).toBe("GIÁM ĐỐC");
    expect(formatViolations(await runAxe(page))).toEqual([]);
    // On paper: no buttons or download links, Times New Roman, the signature kept with the last paragraph.
    expect(await page.getByRole("group", { name: "Hiển thị:" }).isVisible()).toBe(true);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "In báo cáo" }).isVisible()).toBe(false);
    expect(await page.getByRole("link", { name: "Tải PDF" }).isVisible()).toBe(false);
    expect(await page.getByRole("group", { name: "Hiển thị:" }).isVisible()).toBe(false);
    expect(await page.locator(".signature").isVisible()).toBe(true);
    expect(await page.locator("body").evaluate((el) => getComputedStyle(el).fontFamily)).toContain("Times New Roman");
    expect(await page.locator(".closing").evaluate((el) => getComputedStyle(el).breakInside)).toBe("avoid");
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });
    await page.goto(`${app.url}/quan-tri/chi-tieu`);
    // The browser checks 0–100 itself (HTML constraints); the server checks the catalogue.
    await page.getByLabel("Phạm vi").selectOption("unit");
    await page.getByLabel("Mã (yếu tố, đơn vị hoặc thủ tục)").fill("KHONG-CO");
    await page.getByLabel("Chỉ tiêu (%)").fill("90");
    await page.getByRole("button", { name: "Thêm", exact: true }).click();
    await page.getByText("Không có đơn vị này").waitFor();
    expect(await page.getByLabel("Mã (yếu tố, đơn vị hoặc thủ tục)").getAttribute("aria-invalid")).toBe("true");
    expect(formatViolations(await runAxe(page))).toEqual([]);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
