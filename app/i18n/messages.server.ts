import type { AppLocale } from "./config";
import viCommon from "../../public/locales/vi/common.json";
import enCommon from "../../public/locales/en/common.json";
import viForm from "../../public/locales/vi/form.json";
import enForm from "../../public/locales/en/form.json";
import viPrefs from "../../public/locales/vi/prefs.json";
import enPrefs from "../../public/locales/en/prefs.json";

// Strings live in public/locales/{vi,en}/<area>.json; each area file holds one top-level
// key (its area) so the files merge into one namespace without clashes. Add an area's two
// files here.
export const messages: Record<AppLocale, Record<string, unknown>> = {
  vi: { ...viCommon },
  en: { ...enCommon },
};
Object.assign(messages.vi, viForm, viPrefs);
Object.assign(messages.en, enForm, enPrefs);
