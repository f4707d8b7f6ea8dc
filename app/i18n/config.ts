export const SUPPORTED_LOCALES = ["vi", "en"] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
/** Vietnamese unless the user picks English (`?lng=en`, then remembered in a cookie). */
export const DEFAULT_LOCALE: AppLocale = "vi";
export const NAMESPACE = "common";
export const LOCALE_COOKIE = "lng";

export function asLocale(value: string | null | undefined): AppLocale {
  return value === "en" ? "en" : "vi";
}
