import type { AppLocale } from "./config";
import viCommon from "../../public/locales/vi/common.json";
import enCommon from "../../public/locales/en/common.json";
import viKiosk from "../../public/locales/vi/kiosk.json";
import enKiosk from "../../public/locales/en/kiosk.json";

// Strings live in public/locales/{vi,en}/<area>.json; each area file holds one top-level
// key (its area) so the files merge into one namespace without clashes. Add an area's two
// files here.
export const messages: Record<AppLocale, Record<string, unknown>> = {
  vi: { ...viCommon },
  en: { ...enCommon },
};
Object.assign(messages.vi, viKiosk);
Object.assign(messages.en, enKiosk);
