// What a citizen's phone downloads and waits for on the online form, on the Lighthouse mobile
// profile: Chromium with DevTools network throttling (1.6 Mbps down, 750 kbps up, 150 ms RTT)
// and 4× CPU slowdown. Usage: npx tsx scripts/bench-form-load.ts [--runs N]   (build first)
//
// Prints, for the first form step (a cold visit) and for each next step: bytes transferred
// (headers + bodies as sent on the wire) and the time until the step is ready: the load event,
// and with JavaScript also the end of hydration (React adds the hidden js=1 field then).
// Each case runs with the server's compression and without it (Accept-Encoding: identity),
// JavaScript on and off; the ratios are against "JavaScript on, uncompressed" of the same run.
import type { CDPSession, Page } from "playwright-core";
import type { SurveyDefinition } from "../app/survey/types";
import { FORM_PATH, startFormFixture } from "./form-fixture";
import { launchBrowser, openPage } from "../tests/support/browser";
import { plannedAnswers, shippedDefinition } from "../tests/support/citizen-form";

const runsAt = process.argv.indexOf("--runs");
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3;
const NEXT_STEPS = 3;

interface Meter {
  bytes: number;
}

async function throttle(page: Page, identity: boolean): Promise<{ cdp: CDPSession; meter: Meter }> {
  const cdp = await page.context().newCDPSession(page);
  const meter: Meter = { bytes: 0 };
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  if (identity) await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "identity" } });
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
    meter.bytes += e.encodedDataLength;
  });
  return { cdp, meter };
}

async function readyAt(page: Page, js: boolean, start: number): Promise<{ load: number; ready: number }> {
  await page.waitForLoadState("load");
  const load = Date.now() - start;
  if (js && (await page.locator("script[type=module]").count())) {
    await page.locator('input[name="js"]').first().waitFor({ state: "attached" });
  }
  return { load, ready: Date.now() - start };
}

async function answerStep(page: Page, def: SurveyDefinition, planned: ReturnType<typeof plannedAnswers>): Promise<void> {
  const sectionId = await page.locator('input[name="section"]').first().getAttribute("value");
  const section = def.sections.find((s) => s.id === sectionId)!;
  for (const q of section.questions) {
    const v = planned[q.id];
    const wrap = page.locator(`[id="q-${q.id}"]`);
    if (v === undefined || (await wrap.isHidden())) continue;
    if (q.type === "number" || q.type === "text") await wrap.locator("input, textarea").fill(String(v));
    else for (const one of Array.isArray(v) ? v : [v]) await wrap.locator(`input[value="${String(one)}"]`).check();
  }
}

interface Figures {
  firstBytes: number;
  firstLoad: number;
  firstReady: number;
  nextBytes: number[];
  nextReady: number[];
}

async function visit(baseUrl: string, js: boolean, identity: boolean): Promise<Figures> {
  const browser = await launchBrowser();
  try {
    const page = await openPage(browser, undefined, { javaScriptEnabled: js });
    const { meter } = await throttle(page, identity);
    const def = shippedDefinition("sipas-2017");
    const planned = plannedAnswers(def);
    const start = Date.now();
    await page.goto(`${baseUrl}${FORM_PATH}`, { waitUntil: "commit" });
    const first = await readyAt(page, js, start);
    const figures: Figures = { firstBytes: meter.bytes, firstLoad: first.load, firstReady: first.ready, nextBytes: [], nextReady: [] };
    for (let i = 0; i < NEXT_STEPS; i++) {
      await answerStep(page, def, planned);
      const before = await page.locator('input[name="state"]').first().getAttribute("value");
      meter.bytes = 0;
      const t0 = Date.now();
      await page.getByRole("button", { name: "Tiếp tục", exact: true }).click();
      await page.waitForFunction((b) => document.querySelector<HTMLInputElement>('input[name="state"]')?.value !== b, before);
      await page.waitForLoadState("load");
      figures.nextReady.push(Date.now() - t0);
      // Let the last responses finish before counting them.
      await page.waitForTimeout(300);
      figures.nextBytes.push(meter.bytes);
    }
    return figures;
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const server = await startFormFixture();
  try {
    const cases: Array<[string, boolean, boolean]> = [
      ["JavaScript on, uncompressed", true, true],
      ["JavaScript on, compressed", true, false],
      ["JavaScript off, uncompressed", false, true],
      ["JavaScript off, compressed", false, false],
    ];
    console.log(`Form ${FORM_PATH} (sipas-2017), 360×740, 1.6 Mbps / 150 ms RTT / CPU 4×, median of ${RUNS} runs`);
    console.log("case".padEnd(30), "1st step".padStart(10), "load".padStart(8), "ready".padStart(8), "next steps (bytes, ready)");
    let baseline: Figures | undefined;
    for (const [name, js, identity] of cases) {
      const runs: Figures[] = [];
      for (let r = 0; r < RUNS; r++) runs.push(await visit(server.url, js, identity));
      const f: Figures = {
        firstBytes: median(runs.map((x) => x.firstBytes)),
        firstLoad: median(runs.map((x) => x.firstLoad)),
        firstReady: median(runs.map((x) => x.firstReady)),
        nextBytes: runs[0].nextBytes.map((_, i) => median(runs.map((x) => x.nextBytes[i]))),
        nextReady: runs[0].nextReady.map((_, i) => median(runs.map((x) => x.nextReady[i]))),
      };
      baseline ??= f;
      const next = f.nextBytes.map((b, i) => `${kb(b)} ${s(f.nextReady[i])}`).join(", ");
      const ratio = `(bytes ×${(f.firstBytes / baseline.firstBytes).toFixed(2)}, ready ×${(f.firstReady / baseline.firstReady).toFixed(2)})`;
      console.log(name.padEnd(30), kb(f.firstBytes).padStart(10), s(f.firstLoad).padStart(8), s(f.firstReady).padStart(8), next, ratio);
    }
  } finally {
    await server.close();
  }
}

await main();
