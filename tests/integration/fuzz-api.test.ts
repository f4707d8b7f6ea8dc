import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Thousands of generated malformed submissions: every one gets a 4xx with the API error
// shape — never a 5xx, never a 2xx — and no row changes. Deterministic (seeded) so a
// failure replays.

let app: TestApp;
const tokens: string[] = [];
const SINGLE_CASES = 1500;
const BATCH_CASES = 200;

let seed = 7;
const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

const weird: unknown[] = [
  null, true, false, 0, -1, 1.5, 6, 1e308, Number.MAX_SAFE_INTEGER + 2, "", " ", "5", "na", "NaN", "☃", "<script>alert(1)</script>",
  "x".repeat(5000), "𝓗ài Lòng", "\u0000", [], [1, 2], {}, { a: 1 }, { __proto__: { polluted: 1 } }, "'; drop table response; --",
];

const valid = () => ({
  id: "6f0c2f8e-6f4a-4f7a-9a7e-2d2b5a1c0e11",
  survey: "sipas-2017",
  version: 1,
  unit: "X1",
  service: "1.001612",
  channel: "paper",
  locale: "vi",
  submittedAt: "2026-03-02T08:16:10+07:00",
  answers: { tc1: 5, tc2: 4 } as Record<string, unknown>,
});

/** Each breaks the body for sure; noise() then adds harmless-or-not extra changes. */
const breakers: Array<(b: Record<string, unknown>) => void> = [
  (b) => (b.id = pick(weird.filter((w) => typeof w !== "string" || w.length < 100))),
  (b) => delete b[pick(["id", "survey", "unit", "channel", "answers"])],
  (b) => ((b.answers as Record<string, unknown>)[pick(["tc1", "tc2", "tc9"])] = pick([0, 6, -3, 2.5, "5", "rất tốt", [], {}, true])),
  // defineProperty: a plain assignment to "__proto__" would set the prototype, not a key.
  (b) => Object.defineProperty(b.answers, pick(["khong-co", "tc23", "__proto__", "constructor", "TC1"]), { value: 3, enumerable: true }),
  (b) => (b.answers = pick([null, [], "tc1=5", 5])),
  (b) => (b[pick(["extra", "admin", "isValid"])] = pick(weird)),
  (b) => (b.survey = pick(["", "khong-co", "sipas-2017 ", 17, null])),
  (b) => (b.unit = pick(["", "ZZZ", "x1", 1, null, "X1; --"])),
  (b) => (b.version = pick([0, -1, 1.5, "1", 999, null])),
  (b) => (b.channel = pick(["kiosk", "email", "", null, 1])), // kiosk needs a kiosk token
  (b) => (b.submittedAt = pick(["hôm qua", "2026-13-01T00:00:00Z", "2999-01-01T00:00:00Z", 0, "2026-03-02"])),
  (b) => (b.service = pick(["1.001193", "9.999999", "", 1])),
  (b) => ((b.answers as Record<string, unknown>)["y-kien"] = "x".repeat(1001 + Math.floor(rnd() * 3000))),
];

function noise(b: Record<string, unknown>) {
  if (rnd() < 0.3) b.locale = pick(["vi", "en", "fr", ""]);
  const answers = b.answers;
  if (rnd() < 0.2 && answers && typeof answers === "object" && !Array.isArray(answers)) (answers as Record<string, unknown>).tc3 = pick([null, 3]);
}

function malformedBody(): { body: string; headers: Record<string, string> } {
  const kind = rnd();
  if (kind < 0.08) {
    const text = JSON.stringify(valid());
    return { body: text.slice(0, Math.floor(rnd() * text.length)), headers: {} }; // truncated JSON
  }
  if (kind < 0.12) return { body: pick(["", "null", "[]", "42", '"x"', "{", "\u0000\u0001", "<xml/>"]), headers: {} };
  if (kind < 0.14) return { body: JSON.stringify({ ...valid(), answers: { "y-kien": "x".repeat(70_000) } }), headers: {} };
  const b: Record<string, unknown> = valid();
  b.id = crypto.randomUUID();
  pick(breakers)(b);
  noise(b);
  const headers: Record<string, string> = {};
  if (rnd() < 0.1) headers["accept-language"] = pick(["en", "zz", "en-US,en;q=0.9", "*", ""]);
  if (rnd() < 0.1) headers["content-type"] = pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]);
  return { body: JSON.stringify(b), headers };
}

async function send(path: string, body: string, headers: Record<string, string>, token: string | undefined) {
  const res = await fetch(`${app.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, text };
}

function expectErrorShape(status: number, text: string, context: string) {
  expect(status, context).toBeGreaterThanOrEqual(400);
  expect(status, context).toBeLessThan(500);
  const parsed = JSON.parse(text);
  expect(typeof parsed.error?.code, context).toBe("string");
  expect(typeof parsed.error?.message, context).toBe("string");
}

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  for (let i = 0; i < 8; i++) tokens.push(await createToken(app, "unit-manager", "T"));
});
afterAll(async () => app?.stop());

describe("fuzzing the public inputs", () => {
  it(`answers ${SINGLE_CASES} malformed single submissions with 4xx and changes nothing`, async () => {
    const before = await Promise.all([count(app, "response"), count(app, "answer"), count(app, "rollup_answer")]);
    for (let i = 0; i < SINGLE_CASES; i += 8) {
      const cases = Array.from({ length: 8 }, () => malformedBody());
      const results = await Promise.all(cases.map((c, k) => send("/api/v1/responses", c.body, c.headers, tokens[k])));
      results.forEach((r, k) => expectErrorShape(r.status, r.text, `case ${i + k}: ${cases[k].body.slice(0, 300)}`));
    }
    expect(await Promise.all([count(app, "response"), count(app, "answer"), count(app, "rollup_answer")])).toEqual(before);
  }, 90_000); // 1,500 requests: a time budget for a loaded 2-core machine, not an assertion

  it(`answers ${BATCH_CASES} malformed batches with per-item errors or a 4xx, and changes nothing`, async () => {
    const before = await count(app, "response");
    for (let i = 0; i < BATCH_CASES; i++) {
      const items = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => {
        const m = malformedBody();
        try {
          return JSON.parse(m.body);
        } catch {
          return m.body;
        }
      });
      const body = rnd() < 0.1 ? JSON.stringify(pick([{ responses: "x" }, { responses: null }, {}, [items]])) : JSON.stringify({ responses: items });
      const r = await send("/api/v1/responses/batch", body, {}, tokens[i % tokens.length]);
      if (r.status === 200) {
        const results = JSON.parse(r.text).results as Array<{ error?: { code: string } }>;
        expect(results.every((x) => typeof x.error?.code === "string"), `batch ${i}: ${body.slice(0, 300)}`).toBe(true);
      } else {
        expectErrorShape(r.status, r.text, `batch ${i}: ${body.slice(0, 300)}`);
      }
    }
    expect(await count(app, "response")).toBe(before);
  });

  it("refuses forged and malformed credentials with 401, never 5xx", async () => {
    for (const auth of ["Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer hlk_", "Bearer hlt_x", `Bearer ${"a".repeat(5000)}`, "bearer hlk_\u00ff"]) {
      const res = await fetch(`${app.url}/api/v1/responses`, { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body: JSON.stringify(valid()) });
      expect(res.status, auth.slice(0, 40)).toBe(401);
    }
  });

  // The penetration test's inputs (issue 18): each refused, nothing stored, never a 5xx.
  it("refuses the penetration test's submissions: squatted dossiers, backdating, anonymous batches, nesting", async () => {
    const before = await count(app, "response");
    const anonymous = (path: string, body: string) => send(path, body, {}, undefined);
    const online = { ...valid(), channel: "online", id: "7f0c2f8e-6f4a-4f7a-9a7e-2d2b5a1c0e12" };
    // A dossier claimed anonymously, in every spelling.
    for (const dossier of ["000.00.12.H12-250101-0001", " 000.00.12.h12-250101-0001 ", "A".repeat(100)]) {
      const r = await anonymous("/api/v1/responses", JSON.stringify({ ...online, dossier }));
      expectErrorShape(r.status, r.text, `dossier ${dossier}`);
    }
    // Anonymous batches of every size.
    for (const n of [1, 2, 500, 501]) {
      const r = await anonymous("/api/v1/responses/batch", JSON.stringify({ responses: Array.from({ length: n }, () => ({ ...online, submittedAt: "1970-01-01T00:00:00Z" })) }));
      expectErrorShape(r.status, r.text, `anonymous batch of ${n}`);
    }
    // Nesting deep enough to overflow a recursive walk, in a token's batch and a single post.
    for (const depth of [1000, 20_000, 100_000]) {
      const nested = "[".repeat(depth) + "]".repeat(depth);
      for (const [path, body] of [["/api/v1/responses/batch", `{"responses":[${nested}]}`], ["/api/v1/responses", `{"answers":${nested}}`]]) {
        const r = await send(path, body, {}, tokens[0]);
        // A shallow nesting is a batch of one bad item (200, per-item error); deeper, a 4xx.
        if (r.status === 200) expect(JSON.parse(r.text).results[0].error.code, `${path} nested ${depth}`).toBe("invalid");
        else expectErrorShape(r.status, r.text, `${path} nested ${depth}`);
      }
    }
    // Report dates at the ends of time.
    for (const q of ["to=9999-12-31&from=2026-01-01", "from=0000-01-01&to=2026-01-01", "from=2026-02-31&to=2026-03-01", "from=%00&to=%ff"]) {
      const res = await fetch(`${app.url}/api/v1/reports/summary?survey=sipas-2017&${q}`, { headers: { authorization: `Bearer ${tokens[1]}` } });
      expectErrorShape(res.status, await res.text(), q);
    }
    expect(await count(app, "response")).toBe(before);
  });
});
