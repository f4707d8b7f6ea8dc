import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatViolations, launchBrowser, openPage, pageErrorsOf, runAxe } from "../support/browser";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// The vertical slice in a real browser: responses posted through the API show up, correctly
// computed and formatted, on the public results page.

let app: TestApp;
let browser: Browser;

const worked: Array<Record<string, number | null>> = [
  { tc1: 5, tc2: 4, tc5: 3, tc6: 4 },
  { tc1: 4, tc2: null, tc5: 2, tc6: 5 },
  { tc1: 3, tc2: 3, tc5: 4, tc6: 4 },
  { tc1: 5, tc2: 5, tc5: null, tc6: 1 },
];

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  const token = await createToken(app, "admin", null);
  for (const answers of worked) {
    const r = await api(app, "/api/v1/responses", {
      method: "POST",
      token,
      json: { id: randomUUID(), survey: "sipas-2017", version: 1, unit: "X1", channel: "paper", submittedAt: "2026-03-02T09:00:00+07:00", answers },
    });
    expect(r.status).toBe(201);
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const resultsUrl = () => `${app.url}/cong-khai?survey=sipas-2017&unit=X1&from=2026-03-01&to=2026-03-31`;

describe("public results page", () => {
  it("shows the index of the posted responses in Vietnamese formats, accessibly", async () => {
    const page = await openPage(browser, resultsUrl());
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    expect(await page.getByTestId("overall-index").textContent()).toBe("62,50%");
    const access = page.getByRole("row", { name: /Tiếp cận dịch vụ/ });
    expect(await access.textContent()).toContain("70,83%");
    expect(await page.getByRole("row", { name: /Công chức/ }).textContent()).toContain("Chưa có dữ liệu");
    expect(formatViolations(await runAxe(page))).toEqual([]);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it("stays Vietnamese for an English browser until English is chosen, then remembers it", async () => {
    const page = await openPage(browser, resultsUrl(), { locale: "en-US", extraHTTPHeaders: { "Accept-Language": "en-US,en;q=0.9" } });
    expect(await page.locator("h1").textContent()).toBe("Công khai kết quả đánh giá sự hài lòng");
    await page.getByRole("link", { name: "English" }).click();
    await page.waitForURL(/lng=en/);
    expect(await page.getByTestId("overall-index").textContent()).toBe("62.50%");
    await page.goto(`${app.url}/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("h1 + .lead").textContent()).toContain("Measuring how satisfied");
    await page.context().close();
  });

  it("works with JavaScript off: the period form is a plain GET", async () => {
    const page = await openPage(browser, `${app.url}/cong-khai`, { javaScriptEnabled: false });
    await page.locator('select[name="unit"]').selectOption("X1");
    await page.locator('input[name="from"]').fill("2026-03-01");
    await page.locator('input[name="to"]').fill("2026-03-31");
    await page.getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(/unit=X1/);
    expect(await page.getByTestId("overall-index").textContent()).toBe("62,50%");
    // (axe needs JavaScript; the same page is checked with it on above.)
    await page.context().close();
  });
});
