// Helpers for console tests over HTTP: users of each role, signing in, CSRF tokens, form posts.
import { expect } from "vitest";
import { insertUser } from "../../db/queries/credentials";
import { getUnitByCode } from "../../db/queries/units";
import { hashPassword } from "../../app/server/passwords.server";
import type { Role } from "../../db/schema";
import type { TestApp } from "./test-app";

export const PASSWORD = "mật-khẩu-đủ-dài-2026";

let hashed: Promise<string> | undefined;

export async function addUser(app: TestApp, username: string, role: Role, unitCode: string | null): Promise<number> {
  const unit = unitCode ? await getUnitByCode(app.t.db, unitCode) : undefined;
  const passwordHash = await (hashed ??= hashPassword(PASSWORD));
  return insertUser(app.t.db, { username, passwordHash, role, unitId: unit?.id ?? null }, new Date().toISOString());
}

export interface Session {
  cookie: string;
  csrf: string;
}

export function postForm(app: TestApp, path: string, fields: Record<string, string | string[]> | FormData, cookie?: string, headers: Record<string, string> = {}) {
  let body: URLSearchParams | FormData;
  if (fields instanceof FormData) body = fields;
  else {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  }
  return fetch(`${app.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: app.url, ...(cookie ? { cookie } : {}), ...headers },
    body,
  });
}

export async function signIn(app: TestApp, username: string, password = PASSWORD): Promise<Session> {
  const res = await postForm(app, "/login", { username, password, redirectTo: "/quan-tri" });
  expect(res.status).toBe(302);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  return { cookie, csrf: await csrfOf(app, cookie) };
}

export async function csrfOf(app: TestApp, cookie: string): Promise<string> {
  const page = await fetch(`${app.url}/quan-tri`, { headers: { cookie }, redirect: "manual" });
  expect(page.status).toBe(200);
  return /name="csrf" value="([^"]+)"/.exec(await page.text())![1];
}

export function getPage(app: TestApp, path: string, cookie?: string) {
  return fetch(`${app.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
}

export async function auditCount(app: TestApp): Promise<number> {
  const row = await app.t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}
