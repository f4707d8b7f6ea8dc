import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser } from "../../db/queries/credentials";
import { getUnitByCode } from "../../db/queries/units";
import { hashPassword } from "../../app/server/passwords.server";
import type { Role } from "../../db/schema";
import { seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
const PASSWORD = "mật-khẩu-đủ-dài-2026";

async function addUser(username: string, role: Role, unitCode: string | null) {
  const unit = unitCode ? await getUnitByCode(app.t.db, unitCode) : undefined;
  return insertUser(app.t.db, { username, passwordHash: await hashPassword(PASSWORD), role, unitId: unit?.id ?? null }, new Date().toISOString());
}

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${app.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

async function signIn(username: string, password = PASSWORD): Promise<string> {
  const res = await post("/login", { username, password, redirectTo: "/quan-tri" });
  expect(res.status).toBe(302);
  const cookie = res.headers.get("set-cookie") ?? "";
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  return cookie.split(";")[0];
}

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  await addUser("admin", "admin", null);
  await addUser("phan-tich-x2", "analyst", "X2");
  await addUser("bi-khoa", "analyst", null);
});
afterAll(async () => app?.stop());

describe("sign-in and sessions", () => {
  it("stores argon2id hashes only", async () => {
    const rows = await app.t.db.selectFrom("app_user").select("password_hash").execute();
    expect(rows.every((r) => r.password_hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"))).toBe(true);
  });

  it("signs in, opens the console, and signs out", async () => {
    const cookie = await signIn("admin");
    const page = await fetch(`${app.url}/quan-tri`, { headers: { cookie }, redirect: "manual" });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Đang đăng nhập: admin");
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1];
    const out = await post("/logout", { csrf }, { cookie });
    expect(out.status).toBe(302);
    const after = await fetch(`${app.url}/quan-tri`, { headers: { cookie }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toBe("/login?redirectTo=%2Fquan-tri");
  });

  it("gives one answer for a wrong password and an unknown user", async () => {
    const wrong = await post("/login", { username: "admin", password: "sai-mat-khau-roi" });
    const unknown = await post("/login", { username: "khong-co-ai", password: "sai-mat-khau-roi" });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const message = "Tên đăng nhập hoặc mật khẩu không đúng";
    expect(await wrong.text()).toContain(message);
    expect(await unknown.text()).toContain(message);
  });

  it("refuses a session cookie once its user is disabled", async () => {
    const cookie = await signIn("bi-khoa");
    expect((await fetch(`${app.url}/quan-tri`, { headers: { cookie }, redirect: "manual" })).status).toBe(200);
    await app.t.db.updateTable("app_user").set({ disabled: 1 }).where("username", "=", "bi-khoa").execute();
    expect((await fetch(`${app.url}/quan-tri`, { headers: { cookie }, redirect: "manual" })).status).toBe(302);
    expect((await post("/login", { username: "bi-khoa", password: PASSWORD })).status).toBe(400);
  });

  it("refuses cross-site posts", async () => {
    const cookie = await signIn("admin");
    const res = await post("/logout", { csrf: "x" }, { cookie, origin: "https://ke-xau.example" });
    expect(res.status).toBe(403);
    const login = await post("/login", { username: "admin", password: PASSWORD }, { origin: "https://ke-xau.example" });
    expect(login.status).toBe(403);
  });

  it("never redirects off-site after sign-in", async () => {
    const res = await post("/login", { username: "admin", password: PASSWORD, redirectTo: "//ke-xau.example/x" });
    expect(res.headers.get("location")).toBe("/quan-tri");
  });

  it("lets a signed-in analyst read reports of their own subtree only", async () => {
    const cookie = await signIn("phan-tich-x2");
    const own = await fetch(`${app.url}/api/v1/reports/summary?survey=sipas-2017&from=2026-01-01&to=2026-12-31`, { headers: { cookie } });
    expect(own.status).toBe(200);
    expect((await own.json()).scope.unit).toBe("X2");
    const other = await fetch(`${app.url}/api/v1/reports/summary?survey=sipas-2017&from=2026-01-01&to=2026-12-31&unit=X1`, { headers: { cookie } });
    expect(other.status).toBe(403);
  });

  it("throttles repeated failures per account", async () => {
    await addUser("dich-vu", "analyst", null);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post("/login", { username: "dich-vu", password: "sai-mat-khau-roi" })).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses[5]).toBe(429);
    expect((await post("/login", { username: "dich-vu", password: PASSWORD })).status).toBe(429);
  });
});
