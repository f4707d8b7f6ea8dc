// A generic filler for the citizen form in a real browser, driven by the survey definition:
// answers every visible question with its planned answer, step by step, and sends the form.
import { expect } from "vitest";
import type { Page } from "playwright-core";
import type { AnswerSet, SurveyDefinition } from "../../app/survey/types";
import { formatViolations, runAxe } from "./browser";

export interface FillOptions {
  /** Run axe on every page the form shows (needs JavaScript enabled in the browser). */
  axe?: boolean;
  /** Called on every step page, e.g. for a screenshot. */
  onStep?: (page: Page, sectionId: string | null) => Promise<void>;
}

async function stateValue(page: Page): Promise<string | null> {
  return page.locator('input[name="state"]').first().getAttribute("value");
}

/** Clicks a submit button and waits until the form shows its next page. */
async function submitStep(page: Page, name: RegExp | string): Promise<void> {
  const before = await stateValue(page);
  await page.getByRole("button", { name, exact: typeof name === "string" }).click();
  // A plain form post loads a new document: read it only once it has loaded completely.
  await page.waitForLoadState("load");
  await expect.poll(async () => (await page.locator('input[name="state"]').count()) === 0 || (await stateValue(page)) !== before, { timeout: 15_000 }).toBe(true);
}

async function answerQuestion(page: Page, def: SurveyDefinition, id: string, value: AnswerSet[string]): Promise<void> {
  const wrap = page.locator(`[id="q-${id}"]`);
  // Citizen pages ship no scripts (app/page-handle.ts): a question that applies only after
  // this step's answers is shown by the server after "Tiếp tục", with or without JavaScript.
  if (await wrap.isHidden()) return;
  const q = def.sections.flatMap((s) => s.questions).find((x) => x.id === id)!;
  if (q.type === "number" || q.type === "text") {
    await wrap.locator("input, textarea").fill(String(value));
    return;
  }
  for (const one of Array.isArray(value) ? value : [value]) await wrap.locator(`input[value="${String(one)}"]`).check();
}

async function checkAxe(page: Page, where: string): Promise<void> {
  expect(formatViolations(await runAxe(page)), where).toEqual([]);
}

/** From the form's first page to the thank-you page. */
export async function fillAndSend(page: Page, def: SurveyDefinition, planned: AnswerSet, opts: FillOptions): Promise<void> {
  for (let guard = 0; guard < 60; guard++) {
    const sectionInput = page.locator('input[name="section"]');
    const section = (await sectionInput.count()) ? await sectionInput.first().getAttribute("value") : null;
    if (opts.axe) await checkAxe(page, `${def.slug} ${section ?? "review"}`);
    await opts.onStep?.(page, section);
    if (!section) break;
    const s = def.sections.find((x) => x.id === section)!;
    for (const q of s.questions) {
      if (planned[q.id] !== undefined) await answerQuestion(page, def, q.id, planned[q.id]);
    }
    await submitStep(page, "Tiếp tục");
  }
  await expect.poll(() => page.locator("h2.section-title").textContent()).toBe("Xem lại và gửi phiếu");
  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  await page.waitForURL(/\/cam-on$/);
  if (opts.axe) await checkAxe(page, `${def.slug} thank-you`);
}
