import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_ACCESS, PROVINCE_WIDE, ROUTE_ACCESS, type Access } from "../../app/server/access-policy.server";
import { REPORT_ROLES } from "../../app/server/principal.server";
import type { Role } from "../../db/schema";
import { addUser, getPage, postForm, signIn, type Session } from "../support/console";
import { api, createKiosk, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Every route of the built app × every kind of caller, driven by ROUTE_ACCESS: a route added
// later is walked automatically. GET checks the loader, POST (with a valid CSRF token and an
// empty form) the action. Unit-manager A manages X1, unit-manager B manages X2; admin-a and
// designer-a are an admin and a designer of subtree X1 only (issue 18: every role is limited
// to its subtree; whole-province records and routes are for whole-province users).

type Caller = "anonymous" | "admin" | "analyst" | "designer" | "um-a" | "um-b" | "admin-a" | "designer-a";
const CALLERS: Caller[] = ["anonymous", "admin", "analyst", "designer", "um-a", "um-b", "admin-a", "designer-a"];
const ROLE_OF: Record<Exclude<Caller, "anonymous">, Role> = {
  admin: "admin",
  analyst: "analyst",
  designer: "designer",
  "um-a": "unit-manager",
  "um-b": "unit-manager",
  "admin-a": "admin",
  "designer-a": "designer",
};
/** Callers limited to a subtree (the others have the whole province). */
const SCOPED = new Set<Caller>(["um-a", "um-b", "admin-a", "designer-a"]);

interface Sample {
  params: Record<string, string>;
  /** The sample's data lies in subtree A (X1): unit-manager B must be refused. */
  scopedToA?: boolean;
  /** The sample is a whole-province record: every subtree caller must be refused. */
  wide?: boolean;
}
interface Ctx {
  roundId: number;
  kioskId: number;
  designerId: number;
  draftId: number;
  versionId: number;
}

/** Sample params for routes with segments like `$id`. A route missing here fails the test. */
const SAMPLES: Record<string, (c: Ctx) => Sample> = {
  "routes/api.v1.surveys.$slug": () => ({ params: { slug: "sipas-2017" } }),
  "routes/quan-tri.nguoi-dung.$id": (c) => ({ params: { id: String(c.designerId) }, wide: true }),
  "routes/quan-tri.phieu.$id": (c) => ({ params: { id: String(c.versionId) } }),
  "routes/quan-tri.phieu.$id.json": (c) => ({ params: { id: String(c.versionId) } }),
  "routes/quan-tri.don-vi.$code": () => ({ params: { code: "X1" }, scopedToA: true }),
  "routes/quan-tri.nhap.$kind": () => ({ params: { kind: "don-vi" } }),
  "routes/danh-gia.$unitCode._index": () => ({ params: { unitCode: "X1" } }),
  "routes/danh-gia.$unitCode.$serviceCode": () => ({ params: { unitCode: "X1", serviceCode: "1.001612" } }),
  "routes/moi.$token": () => ({ params: { token: "hli_khong-ton-tai" } }),
  "routes/kiosk.setup.$code": () => ({ params: { code: "hls_khong-ton-tai" } }),
  "routes/api.v1.kiosks.$id.next": (c) => ({ params: { id: String(c.kioskId) } }),
  "routes/quan-tri.may-danh-gia.$id.quay": (c) => ({ params: { id: String(c.kioskId) }, scopedToA: true }),
  "routes/quan-tri.dot-khao-sat.$id": (c) => ({ params: { id: String(c.roundId) }, scopedToA: true }),
  ...Object.fromEntries(
    ["", ".frame", ".draw", ".close", ".progress", ".email", ".undeliverable", ".sample[.]csv", ".letters[.]pdf", ".sms[.]csv"].map((s) => [
      `routes/api.v1.rounds.$id${s}`,
      (c: Ctx) => ({ params: { id: String(c.roundId) }, scopedToA: true }),
    ]),
  ),
};

/** API routes are "public" in the policy and check roles per request (docs/api.md): the roles they admit. */
const API_ROLES: Record<string, readonly Role[]> = {
  "routes/api.v1.reports.summary": REPORT_ROLES,
  "routes/api.v1.reports.export[.]xlsx": REPORT_ROLES,
  "routes/api.v1.reports.export[.]csv": REPORT_ROLES,
  "routes/api.v1.reports.export-codebook[.]csv": REPORT_ROLES,
  "routes/api.v1.reports.report[.]docx": REPORT_ROLES,
  "routes/api.v1.reports.report[.]pdf": REPORT_ROLES,
};

/** Survey rounds: unit managers read their subtree's rounds, administrators change them. */
const ROUND_READ: readonly Role[] = ["admin", "unit-manager"];
for (const s of ["", ".$id", ".$id.progress", ".$id.sample[.]csv"]) API_ROLES[`routes/api.v1.rounds${s}`] = ROUND_READ;
for (const s of [".$id.letters[.]pdf", ".$id.sms[.]csv"]) API_ROLES[`routes/api.v1.rounds${s}`] = ["admin"];
/** Where an API route's action admits other roles than its loader (POST-only routes: their GET is a plain 404). */
const API_ACTION_ROLES: Record<string, readonly Role[]> = Object.fromEntries(
  ["", ".$id.frame", ".$id.draw", ".$id.close", ".$id.email", ".$id.undeliverable"].map((s) => [`routes/api.v1.rounds${s}`, ["admin"]]),
);

/** Device APIs: only a kiosk token opens them; every other caller is unauthenticated (401). */
const KIOSK_ONLY = new Set(["routes/api.v1.kiosk.config"]);

let app: TestApp;
let routes: Array<{ id: string; path: string; hasAction: boolean }>;
const sessions = new Map<Caller, Session>();
const ctx: Ctx = { roundId: 0, kioskId: 0, designerId: 0, draftId: 0, versionId: 0 };

function fullPath(build: { routes: Record<string, { parentId?: string; path?: string }> }, id: string): string {
  const parts: string[] = [];
  for (let r: string | undefined = id; r; r = build.routes[r].parentId) if (build.routes[r].path) parts.unshift(build.routes[r].path!);
  return `/${parts.join("/")}`;
}

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  await addUser(app, "admin", "admin", null);
  await addUser(app, "analyst", "analyst", null);
  ctx.designerId = await addUser(app, "designer", "designer", null);
  await addUser(app, "um-a", "unit-manager", "X1");
  await addUser(app, "um-b", "unit-manager", "X2");
  await addUser(app, "admin-a", "admin", "X1");
  await addUser(app, "designer-a", "designer", "X1");
  for (const caller of CALLERS) if (caller !== "anonymous") sessions.set(caller, await signIn(app, caller));
  await createKiosk(app, "X1");
  ctx.kioskId = (await app.t.db.selectFrom("kiosk").select("id").orderBy("id", "desc").executeTakeFirstOrThrow()).id;
  const version = await app.t.db.selectFrom("survey_version").select("id").orderBy("id").executeTakeFirstOrThrow();
  ctx.versionId = version.id;
  const round = await api(app, "/api/v1/rounds", { method: "POST", token: await createToken(app, "admin", null), json: { name: "Đợt thử", survey: "sipas-2017", unit: "X1", from: "2026-01-01", to: "2026-12-31" } });
  ctx.roundId = round.body.id;
  const build = await import(pathToFileURL(path.resolve("build/index.js")).href);
  routes = Object.keys(build.routes)
    .filter((id) => id !== "root")
    .map((id) => ({ id, path: fullPath(build, id), hasAction: typeof build.routes[id].module.action === "function" }));
});
afterAll(async () => app?.stop());

function urlOf(route: { id: string; path: string }): { url: string; scopedToA: boolean; wide: boolean } {
  if (!route.path.includes(":")) return { url: route.path, scopedToA: false, wide: false };
  const sample = SAMPLES[route.id];
  if (!sample) throw new Error(`${route.id} has params (${route.path}): add sample params to SAMPLES in route-role-matrix.test.ts`);
  const s = sample(ctx);
  const url = route.path.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in s.params)) throw new Error(`${route.id}: sample has no param "${name}"`);
    return encodeURIComponent(s.params[name]);
  });
  return { url, scopedToA: Boolean(s.scopedToA), wide: Boolean(s.wide) };
}

type Outcome = "allowed" | "login" | "forbidden";

/** A 404 for another subtree's record refuses without telling that it exists. */
const matches = (want: Outcome, got: string) => got === want || (got === "not found" && (want === "forbidden" || want === "allowed"));

function expected(route: string, caller: Caller, sample: { scopedToA: boolean; wide: boolean }, method: "GET" | "POST"): Outcome {
  if (KIOSK_ONLY.has(route)) return "login";
  const access: Access = method === "POST" && route in API_ACTION_ROLES ? API_ACTION_ROLES[route] : route in API_ROLES ? API_ROLES[route] : method === "POST" && route in ACTION_ACCESS ? ACTION_ACCESS[route] : ROUTE_ACCESS[route];
  if (access === "public") return "allowed";
  if (caller === "anonymous") return "login";
  if (!access.includes(ROLE_OF[caller])) return "forbidden";
  if (SCOPED.has(caller)) {
    const wideRoute = PROVINCE_WIDE[route];
    if (sample.wide || wideRoute === "page" || (wideRoute === "action" && method === "POST")) return "forbidden";
  }
  return sample.scopedToA && caller === "um-b" ? "forbidden" : "allowed";
}

function outcomeOf(res: Response): Outcome | "not found" | `status ${number}` {
  const location = res.headers.get("location") ?? "";
  // A page sends strangers to sign in; the API answers 401.
  if ((res.status === 302 && location.startsWith("/login")) || res.status === 401) return "login";
  if (res.status === 403) return "forbidden";
  if (res.status === 404) return "not found";
  if (res.status >= 500) return `status ${res.status}`;
  return "allowed";
}

describe("route × role matrix", () => {
  it("gives every caller exactly the access the policy declares, for every loader and action", async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes) {
      if (!(route.id in ROUTE_ACCESS)) {
        mismatches.push(`${route.id}: not in ROUTE_ACCESS`);
        continue;
      }
      const sample = urlOf(route);
      const { url } = sample;
      const isPublic = ROUTE_ACCESS[route.id] === "public";
      // The callers of one route at once.
      const results = await Promise.all(
        CALLERS.map(async (caller) => {
          const session = sessions.get(caller);
          const found: string[] = [];
          const want = expected(route.id, caller, sample, "GET");
          const got = outcomeOf(await getPage(app, url, session?.cookie));
          if (!matches(want, got)) found.push(`GET ${url} as ${caller}: expected ${want}, got ${got}`);
          // Public routes (sign-in, sign-out, the API) are tested on their own.
          if (!route.hasAction || isPublic) return { found, requests: 1 };
          const post = outcomeOf(await postForm(app, url, { csrf: session?.csrf ?? "" }, session?.cookie));
          const wantPost = expected(route.id, caller, sample, "POST");
          if (!matches(wantPost, post)) found.push(`POST ${url} as ${caller}: expected ${wantPost}, got ${post}`);
          return { found, requests: 2 };
        }),
      );
      for (const r of results) {
        mismatches.push(...r.found);
        checked += r.requests;
      }
    }
    expect(mismatches).toEqual([]);
    console.info(`route × role matrix: ${routes.length} routes × ${CALLERS.length} callers, ${checked} requests checked`);
  }, 120_000);

  it("narrows actions only on routes it knows, never widens them", () => {
    for (const [route, roles] of Object.entries(ACTION_ACCESS)) {
      const access = ROUTE_ACCESS[route];
      expect(access, route).toBeDefined();
      expect(access, route).not.toBe("public");
      expect(roles.filter((r) => !(access as readonly Role[]).includes(r)), route).toEqual([]);
    }
  });
});
