import type { AppLocale } from "./config";
import viCommon from "../../public/locales/vi/common.json";
import enCommon from "../../public/locales/en/common.json";
import viForm from "../../public/locales/vi/form.json";
import enForm from "../../public/locales/en/form.json";
import viKiosk from "../../public/locales/vi/kiosk.json";
import enKiosk from "../../public/locales/en/kiosk.json";
import viPrefs from "../../public/locales/vi/prefs.json";
import enPrefs from "../../public/locales/en/prefs.json";

// Strings live in public/locales/{vi,en}/<area>.json; each area file holds one top-level
// key (its area) so the files merge into one namespace without clashes. Add an area's two
// files here, one line each.
const areas: Array<[Record<string, unknown>, Record<string, unknown>]> = [
  [viCommon, enCommon],
  [viForm, enForm],
  [viKiosk, enKiosk],
  [viPrefs, enPrefs],
];

export const messages: Record<AppLocale, Record<string, unknown>> = {
  vi: Object.assign({}, ...areas.map(([vi]) => vi)),
  en: Object.assign({}, ...areas.map(([, en]) => en)),
};
