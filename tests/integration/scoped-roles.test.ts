import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, getPage, postForm, signIn, type Session } from "../support/console";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Issue 18 point 1: every role, admin and designer included, is limited to its subtree;
// nothing a user creates is wider than the user. admin-a and designer-a hold subtree X1.

let app: TestApp;
let adminA: Session;
let designerA: Session;
let umB: number;
let responseX2: string;

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  await addUser(app, "admin-a", "admin", "X1");
  await addUser(app, "designer-a", "designer", "X1");
  await addUser(app, "um-a", "unit-manager", "X1");
  umB = await addUser(app, "um-b", "unit-manager", "X2");
  await addUser(app, "root-admin", "admin", null);
  await createToken(app, "admin", null);
  adminA = await signIn(app, "admin-a");
  designerA = await signIn(app, "designer-a");
  responseX2 = randomUUID();
  const res = await api(app, "/api/v1/responses", { method: "POST", json: { id: responseX2, survey: "sipas-2017", unit: "X2", channel: "online", answers: { tc1: 4 } } });
  expect(res.status).toBe(201);
});
afterAll(async () => app?.stop());

const unitOf = async (code: string) => (await app.t.db.selectFrom("unit").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;

describe("a subtree admin", () => {
  it("creates API tokens only inside its subtree, never province-wide", async () => {
    const create = (unit: string) => postForm(app, "/quan-tri/ma-api", { csrf: adminA.csrf, op: "create", name: `t-${unit || "none"}`, role: "admin", unit }, adminA.cookie);
    const before = await app.t.db.selectFrom("api_token").select("id").execute();
    expect((await create("")).status).toBe(400);
    expect((await create("X2")).status).toBe(400);
    expect((await create("T")).status).toBe(400);
    expect((await app.t.db.selectFrom("api_token").select("id").execute()).length).toBe(before.length);
    expect((await create("X1")).status).toBe(200);
    const made = await app.t.db.selectFrom("api_token").select("unit_id").where("name", "=", "t-X1").executeTakeFirstOrThrow();
    expect(made.unit_id).toBe(await unitOf("X1"));
    // The province-wide token is neither listed nor revocable.
    const page = await (await getPage(app, "/quan-tri/ma-api", adminA.cookie)).text();
    expect(page).not.toContain("test admin");
    const wide = await app.t.db.selectFrom("api_token").select("id").where("name", "=", "test admin").executeTakeFirstOrThrow();
    expect((await postForm(app, "/quan-tri/ma-api", { csrf: adminA.csrf, op: "revoke", id: String(wide.id) }, adminA.cookie)).status).toBe(400);
    expect((await app.t.db.selectFrom("api_token").select("revoked_at").where("id", "=", wide.id).executeTakeFirstOrThrow()).revoked_at).toBeNull();
  });

  it("sees and creates users of its subtree only, none wider than itself", async () => {
    const list = await (await getPage(app, "/quan-tri/nguoi-dung", adminA.cookie)).text();
    expect(list).toContain("um-a");
    expect(list).not.toContain("um-b");
    expect(list).not.toContain("root-admin");
    expect((await getPage(app, `/quan-tri/nguoi-dung/${umB}`, adminA.cookie)).status).toBe(404);
    expect((await postForm(app, `/quan-tri/nguoi-dung/${umB}`, { csrf: adminA.csrf, op: "disable" }, adminA.cookie)).status).toBe(404);
    const create = (username: string, unit: string) =>
      postForm(app, "/quan-tri/nguoi-dung", { csrf: adminA.csrf, username, role: "admin", unit, password: "mật-khẩu-đủ-dài-2026", password2: "mật-khẩu-đủ-dài-2026" }, adminA.cookie);
    expect((await create("wide-one", "")).status).toBe(400);
    expect((await create("wide-two", "T")).status).toBe(400);
    expect((await create("other-one", "X2")).status).toBe(400);
    expect((await create("inside-one", "X1")).status).toBe(302);
    const users = await app.t.db.selectFrom("app_user").select(["username", "unit_id"]).where("username", "like", "%-one").execute();
    expect(users).toEqual([{ username: "inside-one", unit_id: await unitOf("X1") }]);
  });

  it("does not read the whole audit log nor another subtree's responses", async () => {
    expect((await getPage(app, "/quan-tri/nhat-ky", adminA.cookie)).status).toBe(403);
    const page = await (await getPage(app, `/quan-tri/phan-hoi?id=${responseX2}`, adminA.cookie)).text();
    expect(page).not.toContain("Phường Đông Hà");
    const del = await postForm(app, "/quan-tri/phan-hoi", { csrf: adminA.csrf, id: responseX2, reason: "Yêu cầu xóa theo luật", confirm: "on" }, adminA.cookie);
    expect(del.status).toBe(400);
    expect(await app.t.db.selectFrom("response").select("id").where("id", "=", responseX2).executeTakeFirst()).toBeDefined();
  });
});

describe("a subtree designer", () => {
  it("cannot retire a survey the whole province uses", async () => {
    const version = await app.t.db.selectFrom("survey_version").select("id").where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow();
    const res = await postForm(app, `/quan-tri/phieu/${version.id}`, { csrf: designerA.csrf, op: "retire" }, designerA.cookie);
    expect(res.status).toBe(403);
    expect((await app.t.db.selectFrom("survey_version").select("status").where("id", "=", version.id).executeTakeFirstOrThrow()).status).toBe("published");
  });
});
