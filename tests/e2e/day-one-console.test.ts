import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatViolations, launchBrowser, openPage, pageErrorsOf, runAxe } from "../support/browser";
import { addUser, signIn } from "../support/console";
import { seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// What an admin setting up a province meets on day one (issue 17), in Chromium.

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  await addUser(app, "quan-tri", "admin", null);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function adminPage(): Promise<Page> {
  const session = await signIn(app, "quan-tri");
  const page = await openPage(browser, undefined, { viewport: { width: 1280, height: 900 } });
  const [name, value] = session.cookie.split("=");
  await page.context().addCookies([{ name, value: value ?? "", url: app.url }]);
  return page;
}

describe("QR codes and posters", () => {
  it("shows the unit's citizen link with its QR code, and prints an A4 poster and a receipt-size QR", async () => {
    const page = await adminPage();
    await page.goto(`${app.url}/quan-tri/don-vi/X1`);
    await page.getByRole("link", { name: `${app.url}/danh-gia/X1` }).waitFor();
    expect(await page.getByRole("img", { name: "Mã QR đánh giá sự hài lòng tại Xã Hòa An" }).locator("svg").count()).toBe(1);
    expect(formatViolations(await runAxe(page))).toEqual([]);

    await page.getByRole("link", { name: "In áp phích khổ A4" }).click();
    await page.getByTestId("qr-print").waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".admin-nav").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "In" }).isVisible()).toBe(false);
    expect(await page.getByTestId("qr-print").innerText()).toContain("Mời Ông/Bà đánh giá sự hài lòng");
    // The poster's QR is large (12 cm), and the whole poster fits one A4 page.
    const size = await page.locator(".qr-poster .qr svg").evaluate((e) => e.getBoundingClientRect().width);
    expect(size).toBeGreaterThan(400);
    const pdf = await page.pdf({ format: "A4" });
    expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    await page.emulateMedia({ media: "screen" });

    await page.goto(`${app.url}/quan-tri/don-vi/X1?in=bien-nhan`);
    const small = await page.locator(".qr-receipt .qr svg").evaluate((e) => e.getBoundingClientRect().width);
    expect(small).toBeLessThan(200); // 40 mm
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it("shows the kiosk set-up link as a QR code", async () => {
    const page = await adminPage();
    await page.goto(`${app.url}/quan-tri/may-danh-gia`);
    await page.getByLabel("Đơn vị").selectOption("X1");
    await page.getByRole("button", { name: "Đăng ký và tạo đường dẫn thiết lập" }).click();
    await page.getByTestId("setup-url").waitFor();
    expect(await page.getByTestId("setup-qr").locator("svg").count()).toBe(1);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });
});

describe("small things", () => {
  it("shows the unit tree with name, level and code apart, by level then name; import links apart", async () => {
    const page = await adminPage();
    await page.goto(`${app.url}/quan-tri/don-vi`);
    const province = page.locator(".tree > li").first();
    expect(await province.locator(":scope > a").textContent()).toBe("Tỉnh Thử Nghiệm");
    expect(await province.locator(":scope > .tree-meta").textContent()).toBe("Cấp tỉnh · Mã T");
    // Children: the department (sở) before the communes and wards, those by name.
    expect(await province.locator(":scope > ul > li > a").allTextContents()).toEqual(["Sở Nội vụ", "Phường Đông Hà", "Xã Hòa An"]);
    await page.goto(`${app.url}/quan-tri/thu-tuc`);
    const links = page.locator(".link-row li");
    expect(await links.allTextContents()).toEqual(["Nhập danh mục thủ tục từ tệp CSV/XLSX", "Nhập thủ tục mỗi đơn vị giải quyết", "Nhập số hồ sơ theo tháng"]);
    await page.context().close();
  });

  it("prints the report without the display buttons, the signature kept with what precedes it", async () => {
    const page = await adminPage();
    await page.goto(`${app.url}/quan-tri/bao-cao/in?period=year&year=2026`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".display-prefs").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "In báo cáo" }).isVisible()).toBe(false);
    expect(await page.locator(".closing").evaluate((e) => getComputedStyle(e).breakInside)).toBe("avoid");
    expect(await page.locator(".closing .signature").count()).toBe(1);
    await page.context().close();
  });

  it("titles the unit ranking with the unit's name, never a code that reads as a count", async () => {
    const page = await adminPage();
    await page.goto(`${app.url}/quan-tri/bao-cao/don-vi?period=year&year=2026`);
    expect(await page.locator("h1").textContent()).toBe("Các đơn vị trực thuộc Tỉnh Thử Nghiệm");
    await page.context().close();
  });
});
