import { z } from "zod";
import { findUserByUsername } from "../../db/queries/sessions";
import { dummyHash, verifyPassword } from "./passwords.server";
import type { AppServices } from "./services.server";
import { startSession } from "./session.server";

export const signInSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
  redirectTo: z.string().max(2000).optional(),
});

export type SignInResult =
  | { ok: true; setCookie: string; redirectTo: string }
  | { ok: false; errorKey: "login.invalid" | "login.throttled" | "login.missing" };

/** Only paths of this site: "//evil.example" and absolute URLs are open redirects. */
export function safeRedirect(to: string | undefined, fallback = "/quan-tri"): string {
  return to && to.startsWith("/") && !to.startsWith("//") && !to.startsWith("/\\") ? to : fallback;
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
  if (services.limits.loginAddress.take(`addr:${clientAddress}`) > 0 || services.limits.loginAccount.take(`user:${username.toLowerCase()}`) > 0) {
    return { ok: false, errorKey: "login.throttled" };
  }
  const user = await findUserByUsername(services.db, username);
  const valid = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  if (!user || !valid || user.disabled) return { ok: false, errorKey: "login.invalid" };
  return { ok: true, setCookie: await startSession(services, request, user.id), redirectTo: safeRedirect(redirectTo) };
}
