import path from "node:path";
import { pathToFileURL } from "node:url";
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTE_ACCESS } from "../../app/server/access-policy.server";
import type { Role } from "../../db/schema";
import { launchBrowser, openPage, pageErrorsOf } from "../support/browser";
import { addUser, postForm, signIn } from "../support/console";
import { leaksIn } from "../support/english-leaks";
import { api, createKiosk, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Every console page, for every kind of console user, in Chromium with JavaScript on: the
// server render alone hid a page that crashed once hydrated (Góp ý used a value from a
// .server module, empty in the browser). Fails on any uncaught error, console error or
// error screen, or shows a known English word or code on its Vietnamese screen. One list of users and one list of routes: a user kind added to USERS (a
// subtree admin, a subtree designer) is walked over every route its role may open.

interface ConsoleUser {
  username: string;
  role: Role;
  unit: string | null;
}
const USERS: ConsoleUser[] = [
  { username: "admin", role: "admin", unit: null },
  { username: "analyst", role: "analyst", unit: null },
  { username: "designer", role: "designer", unit: null },
  { username: "unit-manager", role: "unit-manager", unit: "X1" },
];

interface Ctx {
  kioskId: number;
  roundId: number;
  userId: number;
  versionId: number;
}
/** Route id → the URL to open (with sample params and a query that shows data). */
const ROUTES: Record<string, (c: Ctx) => string> = {
  "routes/quan-tri._index": () => "/quan-tri",
  "routes/quan-tri.bao-cao._index": () => "/quan-tri/bao-cao?period=year&year=2026",
  "routes/quan-tri.bao-cao.yeu-to": () => "/quan-tri/bao-cao/yeu-to?period=year&year=2026",
  "routes/quan-tri.bao-cao.don-vi": () => "/quan-tri/bao-cao/don-vi?period=year&year=2026",
  "routes/quan-tri.bao-cao.thu-tuc": () => "/quan-tri/bao-cao/thu-tuc?period=year&year=2026",
  "routes/quan-tri_.bao-cao.in": () => "/quan-tri/bao-cao/in?period=year&year=2026",
  "routes/quan-tri.chi-tieu": () => "/quan-tri/chi-tieu",
  "routes/quan-tri.van-ban-bao-cao": () => "/quan-tri/van-ban-bao-cao",
  "routes/quan-tri.don-vi._index": () => "/quan-tri/don-vi",
  "routes/quan-tri.don-vi.$code": () => "/quan-tri/don-vi/X1",
  "routes/quan-tri.thu-tuc._index": () => "/quan-tri/thu-tuc",
  "routes/quan-tri.nhap.$kind": () => "/quan-tri/nhap/don-vi",
  "routes/quan-tri.gop-y": () => "/quan-tri/gop-y",
  "routes/quan-tri.ma-api": () => "/quan-tri/ma-api",
  "routes/quan-tri.mat-khau": () => "/quan-tri/mat-khau",
  "routes/quan-tri.may-danh-gia._index": () => "/quan-tri/may-danh-gia",
  "routes/quan-tri.may-danh-gia.$id.quay": (c) => `/quan-tri/may-danh-gia/${c.kioskId}/quay`,
  "routes/quan-tri.nguoi-dung._index": () => "/quan-tri/nguoi-dung",
  "routes/quan-tri.nguoi-dung.$id": (c) => `/quan-tri/nguoi-dung/${c.userId}`,
  "routes/quan-tri.nhat-ky": () => "/quan-tri/nhat-ky",
  "routes/quan-tri.phan-hoi": () => "/quan-tri/phan-hoi",
  "routes/quan-tri.phieu._index": () => "/quan-tri/phieu",
  "routes/quan-tri.phieu.$id": (c) => `/quan-tri/phieu/${c.versionId}`,
  "routes/quan-tri.dot-khao-sat._index": () => "/quan-tri/dot-khao-sat",
  "routes/quan-tri.dot-khao-sat.$id": (c) => `/quan-tri/dot-khao-sat/${c.roundId}`,
};

let app: TestApp;
let browser: Browser;
const ctx: Ctx = { kioskId: 0, roundId: 0, userId: 0, versionId: 0 };
let consolePages: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  for (const u of USERS) ctx.userId = await addUser(app, u.username, u.role, u.unit);
  await createKiosk(app, "X1");
  ctx.kioskId = (await app.t.db.selectFrom("kiosk").select("id").orderBy("id", "desc").executeTakeFirstOrThrow()).id;
  ctx.versionId = (await app.t.db.selectFrom("survey_version").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  // Responses with a comment and low scores, so Góp ý and the reports have rows to draw.
  const token = await createToken(app, "admin", null);
  for (const [i, a] of [{ tc1: 1, tc2: 2, "y-kien": "Chờ lâu quá" }, { tc1: 5, tc2: 4 }].entries()) {
    const r = await api(app, "/api/v1/responses", { method: "POST", token, json: { id: randomUUID(), survey: "sipas-2017", version: 1, unit: "X1", service: "1.001612", channel: "paper", submittedAt: `2026-0${i + 1}-02T09:00:00+07:00`, answers: a } });
    expect(r.status).toBe(201);
  }
  // A survey round (draft) for the round pages, inside the unit manager's subtree so every reader may open it.
  const round = await api(app, "/api/v1/rounds", { method: "POST", token, json: { name: "Khảo sát SIPAS 2026", survey: "sipas-2017", unit: "X1", from: "2026-01-01", to: "2026-06-30" } });
  expect(round.status).toBe(201);
  ctx.roundId = round.body.id;
  // An audited change with before → after fields, for the audit log to show in words.
  const admin = await signIn(app, "admin");
  const created = await postForm(app, "/quan-tri/don-vi", { csrf: admin.csrf, op: "create", code: "X9", name: "Xã Chín", level: "xa", parent: "T" }, admin.cookie);
  expect(created.status).toBe(200);
  // Every page route of the build under /quan-tri (resource routes such as .json have no UI).
  const build = await import(pathToFileURL(path.resolve("build/index.js")).href);
  consolePages = Object.keys(build.routes).filter((id) => id.startsWith("routes/quan-tri") && id !== "routes/quan-tri" && typeof build.routes[id].module.default === "function");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function problemsOf(page: Page, url: string): Promise<string[]> {
  const consoleErrors: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  };
  page.on("console", onConsole);
  const before = pageErrorsOf(page).length;
  const res = await page.goto(`${app.url}${url}`, { waitUntil: "networkidle" });
  page.off("console", onConsole);
  const found = [...pageErrorsOf(page).slice(before).map((e) => `page error: ${e.message}`), ...consoleErrors.map((e) => `console error: ${e}`)];
  if (res && res.status() >= 400) found.push(`status ${res.status()}`);
  if (await page.locator(".error-page").count()) found.push(`error screen: ${await page.locator(".error-page").innerText()}`);
  for (const leak of leaksIn(await page.locator("main").innerText())) found.push(`English or code on a Vietnamese page: ${leak}`);
  return found.map((f) => `${url}: ${f}`);
}

describe("every console page in Chromium, for every console user", () => {
  it("lists every console page route in ROUTES", () => {
    expect(consolePages.filter((id) => !(id in ROUTES))).toEqual([]);
  });

  it.each(USERS)("opens every page $username may see without an error ($role)", async (user) => {
    const session = await signIn(app, user.username);
    const page = await openPage(browser, undefined, { viewport: { width: 1280, height: 900 } });
    const [name, value] = session.cookie.split("=");
    await page.context().addCookies([{ name, value: value ?? "", url: app.url }]);
    const problems: string[] = [];
    let opened = 0;
    for (const [id, urlOf] of Object.entries(ROUTES)) {
      const access = ROUTE_ACCESS[id];
      if (access !== "public" && !access.includes(user.role)) continue;
      problems.push(...(await problemsOf(page, urlOf(ctx))));
      opened++;
    }
    await page.context().close();
    expect(problems).toEqual([]);
    expect(opened).toBeGreaterThan(3);
  }, 240_000);
});
