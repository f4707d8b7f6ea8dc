import { createCookie, redirect } from "@remix-run/node";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { deleteSession, findSession, insertSession, touchSession } from "../../db/queries/sessions";
import type { Role } from "../../db/schema";
import type { AppServices } from "./services.server";

/** Idle and absolute lifetimes (ASVS 3.3): a counter PC left signed in closes itself. */
export const IDLE_MINUTES = 60;
export const ABSOLUTE_HOURS = 12;

export interface SessionUser {
  userId: number;
  username: string;
  role: Role;
  /** Root of the subtree the user may act on; null = the whole tree. */
  unitId: number | null;
  sessionHash: string;
  csrfToken: string;
}

function sessionCookie(secure: boolean) {
  return createCookie(secure ? "__Host-hl_session" : "hl_session", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    // No maxAge: a browser-session cookie, gone when the browser closes. The server still
    // ends the session after IDLE_MINUTES idle or ABSOLUTE_HOURS in all.
  });
}

const isSecure = (services: AppServices, request: Request) =>
  request.url.startsWith("https:") || (services.env.PUBLIC_URL ?? "").startsWith("https:");

/** CSRF token bound to the session: sent in each form, compared on every mutation. */
function csrfFor(services: AppServices, sessionId: string) {
  return services.hasher.hash("session", `csrf:${sessionId}`);
}

async function readSessionId(services: AppServices, request: Request): Promise<string | null> {
  const value = await sessionCookie(isSecure(services, request)).parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

/** Starts a fresh session (a new id at every sign-in: no fixation). Returns the Set-Cookie header. */
export async function startSession(services: AppServices, request: Request, userId: number): Promise<string> {
  const old = await readSessionId(services, request);
  if (old) await deleteSession(services.db, services.hasher.hash("session", old));
  const id = randomBytes(32).toString("base64url");
  const now = new Date();
  await insertSession(services.db, {
    idHash: services.hasher.hash("session", id),
    userId,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + ABSOLUTE_HOURS * 3600_000).toISOString(),
  });
  return sessionCookie(isSecure(services, request)).serialize(id);
}

export async function endSession(services: AppServices, request: Request): Promise<string> {
  const id = await readSessionId(services, request);
  if (id) await deleteSession(services.db, services.hasher.hash("session", id));
  return sessionCookie(isSecure(services, request)).serialize("", { maxAge: 0 });
}

/** The signed-in user, or null when there is no valid session (expired, idle, disabled user). */
export async function getSessionUser(services: AppServices, request: Request): Promise<SessionUser | null> {
  const id = await readSessionId(services, request);
  if (!id) return null;
  const hash = services.hasher.hash("session", id);
  const row = await findSession(services.db, hash);
  if (!row) return null;
  const now = Date.now();
  const idle = now - Date.parse(row.last_seen_at) > IDLE_MINUTES * 60_000;
  const expired = now > Date.parse(row.expires_at);
  // A password change ends every session started before it.
  const stale = Date.parse(row.password_changed_at) > Date.parse(row.created_at);
  if (row.disabled || idle || expired || stale) {
    await deleteSession(services.db, hash);
    return null;
  }
  if (now - Date.parse(row.last_seen_at) > 60_000) await touchSession(services.db, hash, new Date(now).toISOString());
  return { userId: row.user_id, username: row.username, role: row.role, unitId: row.unit_id, sessionHash: hash, csrfToken: csrfFor(services, id) };
}

/** Pages: the signed-in user with one of `roles`, else a redirect to sign-in or a 403. */
export async function requireUser(services: AppServices, request: Request, roles?: readonly Role[]): Promise<SessionUser> {
  const user = await getSessionUser(services, request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (roles && !roles.includes(user.role)) throw new Response("Forbidden", { status: 403 });
  return user;
}

/**
 * Every mutating form of a signed-in user carries `csrf`; a missing or wrong token, or a
 * cross-site Origin, is refused before anything changes.
 */
export function assertCsrf(request: Request, user: SessionUser, form: FormData): void {
  assertSameOrigin(request);
  const sent = form.get("csrf");
  const expected = Buffer.from(user.csrfToken);
  if (typeof sent !== "string" || sent.length !== user.csrfToken.length || !timingSafeEqual(Buffer.from(sent), expected)) {
    throw new Response("CSRF", { status: 403 });
  }
}

/** Browsers send Origin on cross-site POSTs; refuse one that is not ours. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null; // "null" origins (sandboxed frames, file:) are never ours
  }
  if (!host || originHost !== host) throw new Response("CSRF", { status: 403 });
}
