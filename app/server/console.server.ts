import { data } from "@remix-run/node";
import type { z } from "zod";
import { isInSubtree } from "../../db/queries/units";
import type { Db } from "../../db/index";
import type { Role } from "../../db/schema";
import { ROUTE_ACCESS, mayOpen } from "./access-policy.server";
import type { AppServices } from "./services.server";
import { assertCsrf, requireUser, type SessionUser } from "./session.server";

/** Field name → message key (translated next to the field by the page). */
export type FieldErrors = Record<string, string>;

const MESSAGE_KEY = /^[a-z]+\.[A-Za-z0-9_.-]+$/;

/** zod issues → message keys per field; our schemas carry keys as messages, anything else is "invalid". */
export function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code: string; input?: unknown }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const name = issue.path.map(String).join(".") || "form";
    if (errors[name]) continue;
    const missing = issue.input === undefined || issue.input === "";
    errors[name] = MESSAGE_KEY.test(issue.message) ? issue.message : missing ? "console.errors.required" : "console.errors.invalid";
  }
  return errors;
}

/** A form as a plain object; a name sent several times (checkbox lists) becomes an array. */
export function formObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return out;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function parseForm<S extends z.ZodType>(schema: S, form: FormData): Parsed<z.output<S>> {
  const result = schema.safeParse(formObject(form));
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrors(result.error.issues) };
}

/** The 400 answer of a failed action: errors next to fields, the values typed kept. Nothing was changed. */
export function invalid<E extends Record<string, unknown> = Record<never, never>>(errors: FieldErrors, extra?: E) {
  return data({ ok: false as const, errors, ...(extra ?? ({} as E)) }, { status: 400 });
}

/**
 * Every console loader: a signed-in user the access policy lets open `routeId` (its role, and
 * whole-province routes only for whole-province users). Anonymous callers go to sign-in.
 */
export async function requireConsoleUser(services: AppServices, request: Request, routeId: string, change = false): Promise<SessionUser> {
  rolesOf(routeId); // a console route missing from the policy is a programming error
  const user = await requireUser(services, request);
  if (!mayOpen(routeId, user, change)) forbidden();
  return user;
}

/** Every console action: the policy's decision for changes, then CSRF before anything is read or changed. */
export async function requireConsoleAction(services: AppServices, request: Request, routeId: string): Promise<{ user: SessionUser; form: FormData }> {
  const user = await requireConsoleUser(services, request, routeId, true);
  const form = await request.formData();
  assertCsrf(request, user, form);
  return { user, form };
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/** Unit-scoped data: a user with a unit may only touch its subtree. */
export async function canReachUnit(db: Db, user: Pick<SessionUser, "unitId">, unitId: number): Promise<boolean> {
  return user.unitId === null || (await isInSubtree(db, user.unitId, unitId));
}

export async function assertUnitScope(db: Db, user: Pick<SessionUser, "unitId">, unitId: number): Promise<void> {
  if (!(await canReachUnit(db, user, unitId))) forbidden();
}

/** The one audit actor format: `user:<id>` (the log page shows the name), `cli`, `kiosk:<id>`, `token:<id>`. */
export function actorOf(user: Pick<SessionUser, "userId">): string {
  return `user:${user.userId}`;
}

/** Which `op` button submitted a multi-purpose form. */
export function opOf(form: FormData): string {
  const op = form.get("op");
  return typeof op === "string" ? op : "";
}

export const nowIso = () => new Date().toISOString();

/** The roles the access policy gives a console route: the page and the policy cannot disagree. */
export function rolesOf(routeId: string): readonly Role[] {
  const access = ROUTE_ACCESS[routeId];
  if (!access || access === "public") throw new Error(`no console roles for ${routeId}`);
  return access;
}

/** A numeric route param (`$id`), or 0 (matches nothing) when it is not a plain id. */
export function idParam(value: string | undefined): number {
  return /^\d{1,9}$/.test(value ?? "") ? Number(value) : 0;
}
