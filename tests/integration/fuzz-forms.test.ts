import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPage, hiddenValue, postForm } from "../support/citizen-form";
import { count, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Generated malformed posts to the citizen form (what a phone or a forger can send) and to
// the invitations API: never a 5xx, never a stored response or invitation. Seeded.

let app: TestApp;
let token: string;
const LINK = "/danh-gia/X1/1.001612";
const CASES = 400;

let seed = 11;
const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const junk = ["", "0", "6", "-1", "na", "null", "☃", "x".repeat(12_000), "<script>", "' or 1=1 --", "\u0000", "%00", "1e9", "[]", "{}"];

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  token = await createToken(app, "unit-manager", "T");
});
afterAll(async () => app?.stop());

async function invitationCount() {
  const row = await app.t.db.selectFrom("invitation").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("fuzzing the citizen form and the invitations API", () => {
  it(`answers ${CASES} tampered form posts without a 5xx and stores nothing`, async () => {
    const page = await getPage(app, LINK);
    const state = hiddenValue(page.html, "state")!;
    const before = await count(app, "response");
    for (let i = 0; i < CASES; i++) {
      const fields: Array<[string, string]> = [];
      // A real or forged state, section and intent, then random answers.
      fields.push(["state", pick([state, state.slice(0, -3), `${state}x`, "", "e30", pick(junk)])]);
      fields.push(["section", pick(["tiep-can", "thu-tuc", "khong-co", "", pick(junk)])]);
      fields.push(["intent", pick(["next", "back", "send", "review", "", pick(junk)])]);
      for (let k = 0; k < 1 + Math.floor(rnd() * 6); k++) fields.push([pick(["tc1", "tc2", "tc23", "y-kien", "__proto__", "a[b]", pick(junk)]), pick(junk)]);
      const res = await postForm(app, pick([LINK, `${LINK}?phieu=${pick(["nhanh", "khong-co", "sipas-2017"])}`, "/danh-gia/X2/1.001612", "/moi/hli_gia-mao"]), fields);
      expect(res.status, `case ${i}: ${JSON.stringify(fields).slice(0, 300)}`).toBeLessThan(500);
    }
    expect(await count(app, "response")).toBe(before);
    // 400 server-rendered form posts: a time budget for a loaded 2-core machine, not an assertion.
  }, 90_000);

  it(`answers ${CASES} malformed invitation requests with a 4xx and creates nothing`, async () => {
    const before = await invitationCount();
    const valid = { survey: "sipas-2017", unit: "X1", service: "1.001612", dossier: "000.00.12.H12-250101-0001" };
    for (let i = 0; i < CASES; i++) {
      const body: Record<string, unknown> = { ...valid };
      const breakIt = pick([
        () => delete body[pick(["survey", "unit"])],
        () => (body.survey = pick(["khong-co", "", 1, null])),
        () => (body.unit = pick(["ZZ", "", 1, null, "X2; --"])),
        () => (body.service = pick(["9.999999", 1, []])),
        () => (body.dossier = pick(["", "x".repeat(500), 5, {}])),
        () => (body.expiresAt = pick(["hôm qua", "2000-01-01T00:00:00Z", "2999-01-01T00:00:00Z", 0])),
        () => (body[pick(["extra", "token"])] = pick(junk)),
      ]);
      breakIt();
      const raw = rnd() < 0.1 ? pick(["", "{", "[]", "null", JSON.stringify(body).slice(0, 20)]) : JSON.stringify(body);
      const res = await fetch(`${app.url}/api/v1/invitations`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: raw,
      });
      const text = await res.text();
      const context = `case ${i}: ${raw.slice(0, 200)}`;
      expect(res.status, context).toBeGreaterThanOrEqual(400);
      expect(res.status, context).toBeLessThan(500);
      expect(typeof JSON.parse(text).error?.code, context).toBe("string");
    }
    expect(await invitationCount()).toBe(before);
  });

  // The penetration test's inputs to pages (issue 18): never a 5xx, never a redirect elsewhere.
  it("refuses the penetration test's page inputs: open redirects, oversized forms, bad cookies, forged hosts", async () => {
    const redirects = ["/%09/evil.example", "/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/\u0001", "/\r\nSet-Cookie: x=1", "javascript:alert(1)", "/".repeat(3000)];
    for (const redirectTo of redirects) {
      for (const path of ["/login", "/hien-thi"]) {
        const res = await fetch(`${app.url}${path}`, {
          method: "POST",
          redirect: "manual",
          headers: { origin: app.url, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ username: "khong-co", password: "sai-mat-khau", redirectTo, change: "size:lg" }),
        });
        const context = `${path} ${JSON.stringify(redirectTo)}`;
        expect(res.status, context).toBeLessThan(500);
        const location = res.headers.get("location");
        if (location) expect(location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\"), context).toBe(true);
      }
    }
    for (const path of ["/login", "/hien-thi", LINK]) {
      const res = await fetch(`${app.url}${path}`, { method: "POST", headers: { origin: app.url, "content-type": "application/x-www-form-urlencoded" }, body: "a=" + "x".repeat(200_000) });
      expect(res.status, path).toBe(413);
    }
    for (const cookie of ["hl_hien_thi=%E0%A4%A", "hl_hien_thi=%", "hl_hien_thi=" + "%FF".repeat(1000)]) {
      expect((await fetch(`${app.url}${LINK}`, { headers: { cookie } })).status, cookie).toBe(200);
    }
    const forged = await fetch(`${app.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: "http://evil.example", "x-forwarded-host": "evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "username=a&password=b",
    });
    expect(forged.status).toBe(403);
  });
});
