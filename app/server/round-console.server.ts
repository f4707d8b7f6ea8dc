import { data } from "@remix-run/node";
import type { AppLocale } from "~/i18n/config";
import { translator } from "~/i18n/i18n.server";
import { ApiError } from "./api-error.server";
import type { Principal } from "./principal.server";
import type { SessionUser } from "./session.server";

// The survey-round console pages run the same server functions as the API; this turns the
// signed-in user into the caller those functions expect and their ApiErrors into page messages.

export const principalOfUser = (user: SessionUser): Principal => ({ kind: "user", userId: user.userId, role: user.role, unitId: user.unitId });

const STATUS: Record<string, number> = { invalid: 400, conflict: 409, forbidden: 403, not_found: 404, rate_limited: 429 };

/** Runs a round operation; an ApiError becomes `{ ok: false, message, fields }` with its status. */
export async function consoleOp<T>(locale: AppLocale, fn: () => Promise<T>) {
  try {
    return data({ ok: true as const, result: await fn(), message: null, fields: {} as Record<string, string> });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "not_found") throw new Response("Not found", { status: 404 });
    const t = translator(locale);
    const fields = Object.fromEntries(Object.entries(error.fields ?? {}).map(([k, f]) => [k, t(f.key, f.params ?? {})]));
    return data({ ok: false as const, result: null, message: t(error.messageKey), fields }, { status: STATUS[error.code] ?? 400 });
  }
}
