import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "../support/browser";
import { plannedAnswers, shippedDefinition } from "../support/citizen-form";
import { seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// What a citizen's phone downloads: bytes on the wire (headers and compressed bodies, as
// Chromium's network log counts them) for the form's first step and for each next step, and no
// framework JavaScript on any citizen page (app/page-handle.ts). Budgets from issue 16.

const FIRST_STEP_BUDGET = 60 * 1024;
const NEXT_STEP_BUDGET = 20 * 1024;

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

interface Wire {
  bytes: number;
  scripts: string[];
}

async function meter(page: Page): Promise<Wire> {
  const wire: Wire = { bytes: 0, scripts: [] };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  cdp.on("Network.requestWillBeSent", (e: { type?: string; request: { url: string } }) => {
    if (e.type === "Script") wire.scripts.push(e.request.url);
  });
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
    wire.bytes += e.encodedDataLength;
  });
  return wire;
}

async function sectionOf(page: Page): Promise<string | null> {
  const input = page.locator('input[name="section"]');
  return (await input.count()) ? input.first().getAttribute("value") : null;
}

describe("bytes a citizen's phone downloads", () => {
  it("first form step ≤ 60 KB, every next step ≤ 20 KB, no script at all (sipas-2017, whole form)", async () => {
    const page = await openPage(browser);
    const wire = await meter(page);
    await page.goto(`${app.url}/danh-gia/X1/1.001612`, { waitUntil: "networkidle" });
    expect(await page.locator(".form-progress").textContent()).toBe("Bước 1/10");
    expect(wire.bytes).toBeGreaterThan(1024);
    expect(wire.bytes, "first step").toBeLessThanOrEqual(FIRST_STEP_BUDGET);

    const def = shippedDefinition("sipas-2017");
    const planned = plannedAnswers(def);
    const steps: number[] = [];
    for (let section = await sectionOf(page); section; section = await sectionOf(page)) {
      for (const q of def.sections.find((s) => s.id === section)!.questions) {
        const v = planned[q.id];
        const wrap = page.locator(`[id="q-${q.id}"]`);
        if (v === undefined || (await wrap.isHidden())) continue;
        if (q.type === "number" || q.type === "text") await wrap.locator("input, textarea").fill(String(v));
        else for (const one of Array.isArray(v) ? v : [v]) await wrap.locator(`input[value="${String(one)}"]`).check();
      }
      const state = await page.locator('input[name="state"]').first().getAttribute("value");
      wire.bytes = 0;
      await page.getByRole("button", { name: "Tiếp tục", exact: true }).click();
      await page.waitForFunction((before) => document.querySelector<HTMLInputElement>('input[name="state"]')?.value !== before, state);
      await page.waitForLoadState("networkidle");
      steps.push(wire.bytes);
    }
    expect(steps.length).toBeGreaterThanOrEqual(9);
    for (const [i, bytes] of steps.entries()) expect(bytes, `step ${i + 2}`).toBeLessThanOrEqual(NEXT_STEP_BUDGET);
    expect(wire.scripts).toEqual([]);
    expect(await page.locator("script").count()).toBe(0);
    await page.context().close();
  });

  it("ships no script on the unit's service list, thank-you, public results and invitation pages", async () => {
    const page = await openPage(browser);
    const wire = await meter(page);
    for (const path of ["/danh-gia/X1", "/cam-on", "/cong-khai", "/moi/hli_khong-co", "/hien-thi"]) {
      await page.goto(`${app.url}${path}`, { waitUntil: "networkidle" });
      expect(await page.locator("script").count(), path).toBe(0);
    }
    expect(wire.scripts).toEqual([]);
    await page.context().close();
  });

  it("keeps React on the console's sign-in page", async () => {
    const page = await openPage(browser);
    const wire = await meter(page);
    await page.goto(`${app.url}/login`, { waitUntil: "networkidle" });
    expect(wire.scripts.length).toBeGreaterThan(0);
    await page.context().close();
  });
});
