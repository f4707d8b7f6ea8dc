// Real Chromium for the e2e project: Debian's /usr/bin/chromium driven by playwright-core.
// Never let a tool download a browser (no internet here). scripts/test-all.sh installs
// Chromium when it is missing.
//
//   const browser = await launchBrowser();
//   const page = await openPage(browser, `${baseUrl}/s/sipas`);   // 360×740, vi-VN
//   expect(formatViolations(await runAxe(page))).toEqual([]);
//   await page.context().close();
//   await browser.close();
import fs from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, Result, RunOptions } from "axe-core";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox", // we run as root in CI; the sandbox refuses to start then
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The small phone the survey is designed for. */
export const MOBILE_VIEWPORT = { width: 360, height: 740 } as const;

/**
 * Starts Chromium. playwright's launch() gives every browser a fresh temporary profile
 * (user-data dir) and deletes it on close(), so runs never share cookies or caches.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it: sudo apt-get install chromium ` +
        "(or set CHROMIUM_PATH).",
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
}

/**
 * A page in a NEW browser context (own cookies/storage) at 360×740, Vietnamese locale,
 * optionally already navigated to `url`. Close it with `await page.context().close()`.
 * Uncaught page errors are recorded: check `pageErrorsOf(page)` at the end of a test.
 */
export async function openPage(browser: Browser, url?: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: MOBILE_VIEWPORT,
    screen: MOBILE_VIEWPORT,
    deviceScaleFactor: 1,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    ...options,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: Error[] = [];
  page.on("pageerror", (err) => errors.push(err));
  pageErrors.set(page, errors);
  if (url) await page.goto(url, { waitUntil: "load" });
  return page;
}

const pageErrors = new WeakMap<Page, Error[]>();

/** Uncaught JavaScript errors the page has thrown so far (pages from openPage only). */
export function pageErrorsOf(page: Page): Error[] {
  return pageErrors.get(page) ?? [];
}

let axeSource: string | undefined;

function loadAxeSource(): string {
  if (!axeSource) {
    const file = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
    axeSource = fs.readFileSync(file, "utf8");
  }
  return axeSource;
}

export type AxeViolation = Result;

/**
 * Runs axe-core in the page and returns its violations (empty = no rule failed).
 * The script is evaluated through the DevTools protocol, so a strict Content-Security-Policy
 * does not block it. Default rules: WCAG 2.0/2.1/2.2 A and AA.
 */
export async function runAxe(page: Page, options?: RunOptions): Promise<AxeViolation[]> {
  const alreadyLoaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object");
  if (!alreadyLoaded) await page.evaluate(loadAxeSource());
  const runOptions: RunOptions = options ?? {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  };
  const results = await page.evaluate(
    (opts) => (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<AxeResults> } }).axe.run(document, opts),
    runOptions as unknown as Record<string, unknown>,
  );
  return results.violations;
}

/** One readable line per violation and element, for `expect(formatViolations(v)).toEqual([])`. */
export function formatViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.impact ?? "?"} ${v.id}: ${v.help} — ${n.target.join(" ")}`),
  );
}
