// Signing in to the console over HTTP and posting its forms, for integration tests.
import { expect } from "vitest";
import { hashPassword } from "../../app/server/passwords.server";
import { insertUser } from "../../db/queries/credentials";
import { getUnitByCode } from "../../db/queries/units";
import type { Role } from "../../db/schema";
import type { TestApp } from "./test-app";

export const TEST_PASSWORD = "mật-khẩu-đủ-dài-2026";

export async function addUser(app: TestApp, username: string, role: Role, unitCode: string | null): Promise<number> {
  const unit = unitCode ? await getUnitByCode(app.t.db, unitCode) : undefined;
  return insertUser(app.t.db, { username, passwordHash: await hashPassword(TEST_PASSWORD), role, unitId: unit?.id ?? null }, new Date().toISOString());
}

export function postForm(app: TestApp, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${app.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Signs in and returns the session cookie ("name=value"). */
export async function signIn(app: TestApp, username: string): Promise<string> {
  const res = await postForm(app, "/login", { username, password: TEST_PASSWORD, redirectTo: "/quan-tri" });
  expect(res.status).toBe(302);
  return (res.headers.get("set-cookie") ?? "").split(";")[0];
}

/** GETs a console page with the cookie: status, HTML and the page's CSRF token. */
export async function openConsolePage(app: TestApp, path: string, cookie: string) {
  const res = await fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  return { status: res.status, html, csrf: /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "" };
}
