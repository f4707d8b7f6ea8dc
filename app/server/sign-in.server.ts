import { z } from "zod";
import { findUserByUsername } from "../../db/queries/sessions";
import { dummyHash, verifyPassword } from "./passwords.server";
import type { AppServices } from "./services.server";
import { homeOf } from "./console-menu.server";
import { startSession } from "./session.server";

export const signInSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
  redirectTo: z.string().max(2000).optional(),
});

export type SignInResult =
  | { ok: true; setCookie: string; redirectTo: string }
  | { ok: false; errorKey: "login.invalid" | "login.throttled" | "login.missing" };

const BASE = "http://same-origin.invalid";

/**
 * Only paths of this site. Checked after resolving against an origin, as a browser would:
 * "//evil.example", "/\\evil", "/\t/evil.example" (browsers drop tabs and newlines) and any
 * control character fall back. The answer is the resolved path, never the raw text.
 */
export function safeRedirect(to: string | undefined, fallback = "/quan-tri"): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!to || !to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  return url.origin === BASE ? url.pathname + url.search + url.hash : fallback;
}

/**
 * Checks a sign-in. The same answer for an unknown user, a wrong password and a disabled
 * account, and the same work (a hash check) for each, so neither words nor timing tell
 * which accounts exist.
 */
export async function signIn(services: AppServices, request: Request, form: FormData, clientAddress: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, errorKey: "login.missing" };
  const { username, password, redirectTo } = parsed.data;
  const throttle = services.limits.signIn;
  if (throttle.wait(username, clientAddress) > 0) return { ok: false, errorKey: "login.throttled" };
  const user = await findUserByUsername(services.db, username);
  const valid = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  if (!user || !valid || user.disabled) {
    throttle.failed(username, clientAddress);
    return { ok: false, errorKey: "login.invalid" };
  }
  throttle.succeeded(username, clientAddress);
  // Without a page to return to, each role lands where its work is (an analyst on the reports).
  const target = !redirectTo || redirectTo === "/quan-tri" ? homeOf(user) : safeRedirect(redirectTo);
  return { ok: true, setCookie: await startSession(services, request, user.id), redirectTo: target };
}
