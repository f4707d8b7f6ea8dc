import type { AppLoadContext } from "@remix-run/node";
import { PREFS_COOKIE, applyPrefsChange, parsePrefs, serializePrefs, type DisplayPrefs } from "~/display-prefs";

const YEAR = 60 * 60 * 24 * 365;

function readCookie(request: Request): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== PREFS_COOKIE) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return null; // a malformed cookie is no preference at all
    }
  }
  return null;
}

// A change made by a form post is rendered in the SAME response when JavaScript is off: the
// action and the root loader share the request's load context, so the action leaves the
// new value here for the root loader.
const changed = new WeakMap<AppLoadContext, DisplayPrefs>();

export function displayPrefsOf(request: Request, context: AppLoadContext): DisplayPrefs {
  return changed.get(context) ?? parsePrefs(readCookie(request));
}

/** Applies "size:lg" / "contrast:on" etc.; returns the Set-Cookie header. */
export function changeDisplayPrefs(request: Request, context: AppLoadContext, change: string): string {
  const prefs = applyPrefsChange(displayPrefsOf(request, context), change);
  changed.set(context, prefs);
  return `${PREFS_COOKIE}=${serializePrefs(prefs)}; Path=/; Max-Age=${YEAR}; SameSite=Lax`;
}
