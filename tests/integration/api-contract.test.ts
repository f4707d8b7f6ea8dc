import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { API_OPERATIONS } from "../../app/server/api-contract.server";
import { redeemSetupCode, registerKiosk } from "../../app/server/kiosks.server";
import { createRateLimiter } from "../../app/server/rate-limit.server";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// The API's contract test: fetches GET /api/v1/openapi.json from the real server, sends real
// requests to every documented operation (a success and failures), and checks each answer's
// status, content type and body against the document itself. It fails on an operation without
// calls here and on an app/routes/api.* module the registry does not name.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let app: TestApp;
let doc: Json;
let admin: string;
let kiosk: { id: number; token: string };

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  admin = await createToken(app, "admin", null);
  // ~30 of these calls are anonymous, from one address: lift the per-address limit (20 at
  // once) for this file; the limit itself is tested with the fuzz and API tests.
  app.server.services.limits.online = createRateLimiter({ capacity: 10_000, refillPerSecond: 1_000 });
  const r = await registerKiosk(app.server.services, { unit: "X1", counter: "Quầy 1", survey: "nhanh" }, { actor: "test", baseUrl: app.url, scopeUnitId: null });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  kiosk = { id: r.kiosk.kioskId, token: (await redeemSetupCode(app.server.services, new URL(r.kiosk.setupUrl).pathname.split("/").pop()!))! };
  const res = await api(app, "/api/v1/openapi.json");
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(async () => {
  await app?.stop();
});

/** The document's operation for a concrete request path. */
function documented(method: string, pathname: string): { template: string; op: Json } {
  for (const [template, item] of Object.entries(doc.paths as Json)) {
    const pattern = new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`);
    if (pattern.test(pathname) && item[method]) return { template, op: item[method] };
  }
  throw new Error(`${method.toUpperCase()} ${pathname} is not in the OpenAPI document`);
}

/** A JSON Schema of the document as zod, its references resolved within the document. */
function validator(schema: Json): z.ZodType {
  const whole = JSON.stringify({ ...schema, $defs: doc.components.schemas });
  return z.fromJSONSchema(JSON.parse(whole.replace(/"#\/components\/schemas\//g, '"#/$defs/')));
}

const called = new Set<string>();

interface Call {
  method?: "GET" | "POST";
  path: string;
  token?: string;
  json?: unknown;
  expect: number;
}

/** Sends one request and checks the answer against the document. */
async function call(c: Call): Promise<Json> {
  const method = c.method ?? "GET";
  const res = await api(app, c.path, { method, token: c.token, json: c.json });
  const where = `${method} ${c.path}`;
  expect(res.status, where).toBe(c.expect);
  const { op } = documented(method.toLowerCase(), new URL(c.path, app.url).pathname);
  called.add(op.operationId);
  const answer = op.responses[String(res.status)];
  expect(answer, `${where}: status ${res.status} is not documented`).toBeDefined();
  const [type, media] = Object.entries(answer.content as Json)[0];
  expect(res.headers.get("content-type") ?? "", where).toContain(type);
  if (type === "application/json") {
    const parsed = validator(media.schema).safeParse(res.body);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5), `${where}: body does not match the document`).toEqual([]);
  }
  return res.body;
}

const SUMMARY = "survey=nhanh&from=2020-01-01&to=2030-12-31";
const rating = (over: Json = {}) => ({ id: randomUUID(), survey: "nhanh", unit: "X1", channel: "online", answers: { "muc-do": 4 }, ...over });

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and lists every route module of the API (none undocumented)", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const modules = fs
      .readdirSync("app/routes")
      .filter((f) => f.startsWith("api."))
      .map((f) => f.replace(/\.tsx?$/, ""))
      .sort();
    const registered = [...new Set(API_OPERATIONS.map((o) => o.route))].sort();
    expect(modules).toEqual(registered);
    const inDoc = Object.values(doc.paths as Json).flatMap((item) => Object.values(item as Json).map((op) => (op as Json).operationId));
    expect(inDoc.sort()).toEqual(API_OPERATIONS.map((o) => o.operationId).sort());
  });

  it("answers as documented: surveys", async () => {
    const list = await call({ path: "/api/v1/surveys", expect: 200 });
    expect(list.map((s: Json) => s.slug)).toContain("sipas-2017");
    await call({ path: "/api/v1/surveys/sipas-2017", expect: 200 });
    await call({ path: "/api/v1/surveys/sipas-2017?version=1", expect: 200 });
    await call({ path: "/api/v1/surveys/sipas-2017?version=0", expect: 400 });
    await call({ path: "/api/v1/surveys/khong-co", expect: 404 });
    await call({ path: "/api/v1/openapi.json", expect: 200 });
  });

  it("answers as documented: responses, one and a batch", async () => {
    const one = rating();
    await call({ method: "POST", path: "/api/v1/responses", json: one, expect: 201 });
    await call({ method: "POST", path: "/api/v1/responses", json: one, expect: 200 });
    await call({ method: "POST", path: "/api/v1/responses", json: { ...one, answers: { "muc-do": 5 } }, expect: 409 });
    await call({ method: "POST", path: "/api/v1/responses", json: rating({ answers: { "muc-do": 9 } }), expect: 400 });
    await call({ method: "POST", path: "/api/v1/responses", json: rating({ channel: "paper" }), expect: 401 });
    await call({ method: "POST", path: "/api/v1/responses", json: rating({ answers: { x: "y".repeat(70_000) } }), expect: 413 });
    // Batches are for kiosk and API tokens only (issue 18): anonymous ones are a 401.
    await call({ method: "POST", path: "/api/v1/responses/batch", json: { responses: [rating()] }, expect: 401 });
    const batch = await call({ method: "POST", path: "/api/v1/responses/batch", token: admin, json: { responses: [rating(), rating({ unit: "KHONG-CO" })] }, expect: 200 });
    expect(batch.results.map((r: Json) => r.status ?? r.error.code)).toEqual(["created", "invalid"]);
    await call({ method: "POST", path: "/api/v1/responses/batch", token: admin, json: { responses: [] }, expect: 400 });
  });

  it("answers as documented: invitations and kiosks", async () => {
    const invitation = { survey: "nhanh", unit: "X1", service: "1.001612", dossier: "HS-HOP-DONG-1" };
    await call({ method: "POST", path: "/api/v1/invitations", token: admin, json: invitation, expect: 201 });
    await call({ method: "POST", path: "/api/v1/invitations", json: invitation, expect: 401 });
    await call({ method: "POST", path: "/api/v1/invitations", token: await createToken(app, "analyst", null), json: invitation, expect: 403 });
    await call({ method: "POST", path: "/api/v1/invitations", token: admin, json: { ...invitation, unit: "" }, expect: 400 });
    await call({ method: "POST", path: `/api/v1/kiosks/${kiosk.id}/next`, token: admin, json: { dossier: "HS-HOP-DONG-2", service: "1.001612" }, expect: 201 });
    await call({ method: "POST", path: `/api/v1/kiosks/${kiosk.id}/next`, token: admin, json: { dossier: "HS-3", service: "9.999999" }, expect: 400 });
    await call({ method: "POST", path: "/api/v1/kiosks/999999/next", token: admin, json: { dossier: "HS-4" }, expect: 404 });
    await call({ method: "POST", path: `/api/v1/kiosks/${kiosk.id}/next`, json: { dossier: "HS-5" }, expect: 401 });
    const config = await call({ path: "/api/v1/kiosk/config", token: kiosk.token, expect: 200 });
    expect(config.binding.dossier).toBe("HS-HOP-DONG-2");
    await call({ path: "/api/v1/kiosk/config", expect: 401 });
  });

  it("answers as documented: reports and exports", async () => {
    await call({ method: "POST", path: "/api/v1/responses", json: rating(), expect: 201 });
    const summary = await call({ path: `/api/v1/reports/summary?${SUMMARY}`, token: admin, expect: 200 });
    expect(summary.n).toBeGreaterThan(0);
    await call({ path: `/api/v1/reports/summary?${SUMMARY}&unit=X1&intervals=units`, token: admin, expect: 200 });
    await call({ path: "/api/v1/reports/summary?survey=nhanh", token: admin, expect: 400 });
    await call({ path: `/api/v1/reports/summary?${SUMMARY}`, expect: 401 });
    await call({ path: `/api/v1/reports/summary?${SUMMARY}`, token: await createToken(app, "designer", null), expect: 403 });
    for (const file of ["export.csv", "export-codebook.csv", "export.xlsx", "report.docx", "report.pdf"]) {
      await call({ path: `/api/v1/reports/${file}?${SUMMARY}`, token: admin, expect: 200 });
      await call({ path: `/api/v1/reports/${file}?${SUMMARY}`, expect: 401 });
    }
  });

  it("answers as documented: federation snapshots", async () => {
    const snapshot = { province: "T", survey: "nhanh", version: 1, month: "2026-01", units: [], services: [], responses: [], answers: [] };
    const federation = await createToken(app, "federation", "T");
    await call({ method: "POST", path: "/api/v1/federation/snapshots", token: federation, json: snapshot, expect: 200 });
    await call({ method: "POST", path: "/api/v1/federation/snapshots", token: federation, json: {}, expect: 400 });
    await call({ method: "POST", path: "/api/v1/federation/snapshots", json: snapshot, expect: 401 });
    await call({ method: "POST", path: "/api/v1/federation/snapshots", token: admin, json: snapshot, expect: 403 });
  });

  it("answers the survey-round operations as documented", async () => {
    const body = { name: "Đợt hợp đồng", survey: "nhanh", unit: "X1", from: "2026-01-01", to: "2026-06-30", seed: "hop-dong" };
    const round = await call({ method: "POST", path: "/api/v1/rounds", token: admin, json: body, expect: 201 });
    await call({ method: "POST", path: "/api/v1/rounds", token: admin, json: { ...body, unit: "" }, expect: 400 });
    await call({ path: "/api/v1/rounds", token: admin, expect: 200 });
    await call({ path: "/api/v1/rounds", expect: 401 });
    const base = `/api/v1/rounds/${round.id}`;
    await call({ path: base, token: admin, expect: 200 });
    await call({ path: "/api/v1/rounds/999999", token: admin, expect: 404 });
    await call({ path: `${base}/progress`, token: admin, expect: 200 });
    for (const file of ["letters.pdf", "sample.csv", "sms.csv"]) await call({ path: `${base}/${file}`, expect: 401 });
    await call({ method: "POST", path: `${base}/frame`, expect: 401 });
    await call({ method: "POST", path: `${base}/draw`, expect: 401 });
    await call({ method: "POST", path: `${base}/email`, json: {}, expect: 401 });
    await call({ method: "POST", path: `${base}/undeliverable`, json: { codes: ["X"] }, expect: 401 });
    await call({ path: `/api/v1/reports/summary?survey=nhanh&round=${round.id}`, token: admin, expect: 200 });
    await call({ method: "POST", path: `${base}/close`, token: admin, expect: 200 });
    await call({ method: "POST", path: `${base}/close`, token: admin, expect: 409 });
  });

  it("was called for every documented operation", () => {
    expect([...called].sort()).toEqual(API_OPERATIONS.map((o) => o.operationId).sort());
  });
});
