import { createCookie } from "@remix-run/node";
import i18next, { type TFunction } from "i18next";
import { DEFAULT_LOCALE, LOCALE_COOKIE, NAMESPACE, SUPPORTED_LOCALES, asLocale, type AppLocale } from "./config";
import { messages } from "./messages.server";

export { messages };

export const localeCookie = createCookie(LOCALE_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

const instance = i18next.createInstance();
void instance.init({
  resources: { vi: { [NAMESPACE]: messages.vi }, en: { [NAMESPACE]: messages.en } },
  ns: [NAMESPACE],
  defaultNS: NAMESPACE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...SUPPORTED_LOCALES],
  interpolation: { escapeValue: false },
  initImmediate: false,
});

const fixed = new Map<AppLocale, TFunction>();

/** A translator for server-side messages (API errors, exports). */
export function translator(locale: AppLocale): TFunction {
  let t = fixed.get(locale);
  if (!t) {
    t = instance.getFixedT(locale, NAMESPACE);
    fixed.set(locale, t);
  }
  return t;
}

/** The API follows Accept-Language (docs/api.md), Vietnamese by default. */
export function apiLocale(request: Request): AppLocale {
  const header = request.headers.get("accept-language") ?? "";
  const first = header.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return asLocale(first);
}

/**
 * A page's language: `?lng=` when given, else the remembered choice (cookie), else Vietnamese.
 * Browsers' Accept-Language is deliberately ignored for pages: officials and citizens get
 * Vietnamese unless they choose otherwise.
 */
export async function pageLocale(request: Request): Promise<AppLocale> {
  const chosen = new URL(request.url).searchParams.get("lng");
  if (chosen) return asLocale(chosen);
  const remembered: unknown = await localeCookie.parse(request.headers.get("cookie"));
  return typeof remembered === "string" ? asLocale(remembered) : DEFAULT_LOCALE;
}
