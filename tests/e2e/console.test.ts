import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatViolations, launchBrowser, openPage, pageErrorsOf, runAxe } from "../support/browser";
import { PASSWORD, addUser } from "../support/console";
import { seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// The console in a real browser at phone width: signing in, designing a questionnaire, and
// the unit tree — each checked with axe.

let app: TestApp;
let browser: Browser;
let page: Page;

async function expectAccessible(p: Page) {
  expect(formatViolations(await runAxe(p))).toEqual([]);
}

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  await addUser(app, "quan-tri", "admin", null);
  browser = await launchBrowser();
  page = await openPage(browser, `${app.url}/quan-tri`);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await app?.stop();
});

describe("admin console in Chromium", () => {
  it("signs in and shows the console for the role", async () => {
    await page.waitForURL(/\/login/);
    await expectAccessible(page);
    await page.getByLabel("Tên đăng nhập").fill("quan-tri");
    await page.getByLabel("Mật khẩu").fill(PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(/\/quan-tri$/);
    await page.getByRole("link", { name: "Thiết kế phiếu" }).waitFor();
    await expectAccessible(page);
  });

  it("creates a questionnaire, edits it, previews it and publishes it", async () => {
    await page.getByRole("link", { name: "Thiết kế phiếu" }).click();
    await page.waitForURL(/\/quan-tri\/phieu$/);
    await expectAccessible(page);
    await page.getByLabel("Mã phiếu (chữ thường không dấu, số, gạch ngang)").fill("danh-gia-nhanh");
    await page.getByLabel("Tên phiếu (tiếng Việt)").fill("Đánh giá nhanh tại quầy");
    await page.getByLabel("Tên phiếu (tiếng Anh)").fill("Quick rating at the counter");
    await page.getByRole("button", { name: "Tạo bản nháp" }).click();
    await page.waitForURL(/\/quan-tri\/phieu\/\d+$/);
    // A fresh draft has empty texts: the errors are listed and shown at their fields.
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("lỗi cần sửa");
    await page.locator('[name="sections.0.title.vi"]').fill("Đánh giá chung");
    await page.locator('[name="sections.0.title.en"]').fill("Overall");
    await page.locator('[name="sections.0.questions.0.label.vi"]').fill("Ông/Bà hài lòng với sự phục vụ không?");
    await page.locator('[name="sections.0.questions.0.label.en"]').fill("Are you satisfied with the service?");
    await page.getByRole("button", { name: "Lưu bản nháp" }).first().click();
    await page.waitForLoadState("load");
    await expect(page.locator('[name="sections.0.title.vi"]').inputValue()).resolves.toBe("Đánh giá chung");
    await expect(page.locator(".error-summary").count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Xem trên máy đánh giá" }).click();
    await page.waitForURL(/xem=kiosk/);
    await expect(page.getByRole("region", { name: "Xem trên máy đánh giá" }).textContent()).resolves.toContain("Rất hài lòng");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Soạn thảo" }).click();
    await page.waitForURL(/xem=edit/);
    // Publishing asks first: declined, nothing happens; accepted, the page says it is done.
    page.once("dialog", (d) => void d.dismiss());
    await page.getByRole("button", { name: "Ban hành phiên bản mới" }).click();
    await expect(page.locator("h1").textContent()).resolves.toContain("Bản nháp");
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.accept();
    });
    await page.getByRole("button", { name: "Ban hành phiên bản mới" }).click();
    await page.waitForURL(/\/quan-tri\/phieu\/\d+\?da-ban-hanh=1$/);
    expect(asked).toContain("không sửa được");
    await expect(page.locator("h1").textContent()).resolves.toContain("Phiên bản 1");
    await expect(page.getByRole("status").textContent()).resolves.toContain("Đã ban hành phiên bản 1");
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it("shows the unit tree and adds a unit", async () => {
    await page.goto(`${app.url}/quan-tri/don-vi`);
    await page.getByRole("link", { name: /Xã Hòa An/ }).waitFor();
    await expectAccessible(page);
    const form = page.locator("form", { has: page.getByRole("button", { name: "Thêm đơn vị" }) });
    await form.getByLabel("Mã", { exact: true }).fill("X7");
    await form.getByLabel("Tên", { exact: true }).fill("Xã Tân Phú");
    // The level is chosen by name; the abolished district level is not offered for a new unit.
    const level = form.getByRole("combobox", { name: /^Cấp/ });
    const levels = await level.locator("option").allTextContents();
    expect(levels).toContain("Cấp xã");
    expect(levels.some((l) => l.includes("huyện"))).toBe(false);
    await level.selectOption({ label: "Cấp xã" });
    // The parent is searched by name and picked from the list.
    const options = await form.locator("datalist#units-parent option").evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toContain("Tỉnh Thử Nghiệm (T)");
    await form.getByLabel("Đơn vị cấp trên", { exact: false }).fill("Tỉnh Thử Nghiệm (T)");
    await form.getByRole("button", { name: "Thêm đơn vị" }).click();
    await expect(page.getByRole("status").textContent()).resolves.toContain("Đã lưu");
    await page.getByRole("link", { name: /Xã Tân Phú/ }).waitFor();
    await expectAccessible(page);
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it("imports units from a file: preview with reasons, then commit", async () => {
    await page.goto(`${app.url}/quan-tri/nhap/don-vi`);
    await expectAccessible(page);
    const file = (content: string) => ({ name: "đơn vị.csv", mimeType: "text/csv", buffer: Buffer.from(content) });
    await page.getByLabel("Tệp dữ liệu").setInputFiles(file("code,name,parent,level\nX8,Xã Tám,T,thon\n"));
    await page.getByRole("button", { name: "Xem trước" }).click();
    await expect(page.locator("table").textContent()).resolves.toContain('Cấp "thon" không hợp lệ');
    await expect(page.getByRole("button", { name: "Ghi vào hệ thống" }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.getByLabel("Tệp dữ liệu").setInputFiles(file("code;name;parent;level\nX8;Xã Tám;T;Cấp xã\nH1;Huyện Một;T;Cấp huyện\n"));
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.locator("table", { hasText: "đã bãi bỏ" }).waitFor();
    await page.getByLabel("Tệp dữ liệu").setInputFiles(file("code;name;parent;level\nX8;Xã Tám;T;Cấp xã\n"));
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.getByRole("button", { name: "Ghi vào hệ thống" }).click();
    await page.getByRole("heading", { name: "Đã nhập xong" }).waitFor();
    await expect(page.getByRole("status").textContent()).resolves.toContain("Thêm mới: 1");
    expect(await app.t.db.selectFrom("unit").select(["name", "level"]).where("code", "=", "X8").executeTakeFirst()).toEqual({ name: "Xã Tám", level: "xa" });
    await expectAccessible(page);
    expect(pageErrorsOf(page)).toEqual([]);
  });
});
