import type { AppLocale } from "./config";
import viCommon from "../../public/locales/vi/common.json";
import enCommon from "../../public/locales/en/common.json";
import viReports from "../../public/locales/vi/reports.json";
import enReports from "../../public/locales/en/reports.json";

// Strings live in public/locales/{vi,en}/<area>.json; each area file holds one top-level
// key (its area) so the files merge into one namespace without clashes. Add an area's two
// files here.
export const messages: Record<AppLocale, Record<string, unknown>> = {
  vi: { ...viCommon, ...viReports },
  en: { ...enCommon, ...enReports },
};
