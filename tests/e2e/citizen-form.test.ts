import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, pageErrorsOf } from "../support/browser";
import { SHIPPED_SURVEYS, expectedRows, plannedAnswers, shippedDefinition, storedRows } from "../support/citizen-form";
import { fillAndSend } from "../support/form-filler";
import { seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Every shipped questionnaire completed on a 360×740 phone, with JavaScript on (axe on every
// page) and off, through the unit + service link; the stored codes must be the planned ones.

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

async function latestResponse(slug: string) {
  return app.t.db
    .selectFrom("response as r")
    .innerJoin("survey as s", "s.id", "r.survey_id")
    .select(["r.id", "r.channel", "r.locale"])
    .where("s.slug", "=", slug)
    .orderBy("r.received_at", "desc")
    .executeTakeFirstOrThrow();
}

describe.each(SHIPPED_SURVEYS)("%s", (slug) => {
  const def = shippedDefinition(slug);
  const planned = plannedAnswers(def);

  it.each([
    ["on", true],
    ["off", false],
  ] as const)("is completed with JavaScript %s and stores the planned codes", async (_, js) => {
    const page = await openPage(browser, `${app.url}/danh-gia/X1/1.001612?phieu=${slug}`, { javaScriptEnabled: js });
    await fillAndSend(page, def, planned, { axe: js });
    const response = await latestResponse(slug);
    expect(response).toMatchObject({ channel: "online", locale: "vi" });
    expect(await storedRows(app, response.id)).toEqual(expectedRows(planned));
    expect(pageErrorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
