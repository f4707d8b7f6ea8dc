import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../scripts/cli/run";
import type { CliIo } from "../../scripts/cli/context";
import * as auditActor from "../../db/migrations/20261207_0010_audit_actor";
import { addUser, getPage, postForm, signIn, type Session } from "../support/console";
import { TEST_SECRET, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Issue 16 point 4: one way to create a user (the CLI and the console agree on usernames,
// password length and the audit row) and one audit actor format, `user:<id>`.

let app: TestApp;
let admin: Session;
let adminId: number;

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  adminId = await addUser(app, "quantri", "admin", null);
  admin = await signIn(app, "quantri");
});
afterAll(async () => app?.stop());

async function cli(argv: string[], stdin: string) {
  const io: CliIo = { out: () => {}, err: () => {}, progress: () => {}, readLine: async () => stdin };
  return runCli(argv, { db: app.t.db, io, env: { DATABASE_URL: app.t.url, SECRET_KEY: TEST_SECRET, SEED_DEMO: "0" } });
}

const console_ = (username: string, password: string) =>
  postForm(app, "/quan-tri/nguoi-dung", { csrf: admin.csrf, username, role: "analyst", unit: "X1", password, password2: password }, admin.cookie);

const auditOf = (username: string) =>
  app.t.db.selectFrom("audit_log").select(["actor", "entity_id", "after"]).where("action", "=", "user.create").where("entity_id", "=", username).executeTakeFirst();

describe("one way to create a user", () => {
  it("normalises usernames the same way in the CLI and the console", async () => {
    expect(await cli(["create-user", "--username", "Can.Bo@X1", "--password-stdin", "--role", "analyst", "--unit", "X1"], "mật-khẩu-đủ-dài-2026")).toBe(0);
    expect((await console_("Can.Bo2@X1", "mật-khẩu-đủ-dài-2026")).status).toBe(302);
    const names = (await app.t.db.selectFrom("app_user").select("username").where("username", "like", "can.bo%").orderBy("username").execute()).map((u) => u.username);
    expect(names).toEqual(["can.bo2@x1", "can.bo@x1"]);
  });

  it("refuses the same passwords in both (10 to 200 characters)", async () => {
    const long = "x".repeat(201);
    expect(await cli(["create-user", "--username", "dai-qua", "--password-stdin", "--role", "analyst"], long)).toBe(1);
    expect((await console_("dai-qua", long)).status).toBe(400);
    expect(await cli(["create-user", "--username", "ngan-qua", "--password-stdin", "--role", "analyst"], "123456789")).toBe(1);
    expect((await console_("ngan-qua", "123456789")).status).toBe(400);
  });

  it("writes the same audit row, with the actor as cli or user:<id>", async () => {
    const fromCli = await auditOf("can.bo@x1");
    const fromConsole = await auditOf("can.bo2@x1");
    expect(fromCli?.actor).toBe("cli");
    expect(fromConsole?.actor).toBe(`user:${adminId}`);
    expect(Object.keys(JSON.parse(String(fromCli?.after))).sort()).toEqual(Object.keys(JSON.parse(String(fromConsole?.after))).sort());
  });
});

describe("one audit actor format", () => {
  it("finds every change of a user by filtering on user:<id>, and shows the name", async () => {
    await postForm(app, "/quan-tri/ma-api", { csrf: admin.csrf, op: "create", name: "tich-hop", role: "analyst", unit: "X1" }, admin.cookie);
    const actors = await app.t.db.selectFrom("audit_log").select("actor").distinct().execute();
    for (const { actor } of actors) expect(actor).toMatch(/^(cli|system|user:\d+)$/);
    const page = await (await getPage(app, `/quan-tri/nhat-ky?actor=user:${adminId}`, admin.cookie)).text();
    expect(page).toContain("token.create");
    expect(page).toContain("user.create");
    expect(page).toContain(`quantri (user:${adminId})`);
  });

  it("rewrites older rows (bare names and user:<name>) to user:<id>", async () => {
    const now = new Date().toISOString();
    for (const actor of ["quantri", "user:quantri"]) {
      await app.t.db.insertInto("audit_log").values({ at: now, actor, action: "old.thing", entity: "x", entity_id: null, before: null, after: null }).execute();
    }
    await auditActor.up(app.t.db);
    const rows = await app.t.db.selectFrom("audit_log").select("actor").where("action", "=", "old.thing").execute();
    expect(rows.map((r) => r.actor)).toEqual([`user:${adminId}`, `user:${adminId}`]);
  });
});
