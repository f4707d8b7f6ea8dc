import type { AppLocale } from "./config";
import viCommon from "../../public/locales/vi/common.json";
import enCommon from "../../public/locales/en/common.json";
import viAudit from "../../public/locales/vi/audit.json";
import enAudit from "../../public/locales/en/audit.json";
import viComments from "../../public/locales/vi/comments.json";
import enComments from "../../public/locales/en/comments.json";
import viConsole from "../../public/locales/vi/console.json";
import enConsole from "../../public/locales/en/console.json";
import viDocument from "../../public/locales/vi/document.json";
import enDocument from "../../public/locales/en/document.json";
import viDesigner from "../../public/locales/vi/designer.json";
import enDesigner from "../../public/locales/en/designer.json";
import viForm from "../../public/locales/vi/form.json";
import enForm from "../../public/locales/en/form.json";
import viImports from "../../public/locales/vi/imports.json";
import enImports from "../../public/locales/en/imports.json";
import viKiosk from "../../public/locales/vi/kiosk.json";
import enKiosk from "../../public/locales/en/kiosk.json";
import viOrg from "../../public/locales/vi/org.json";
import enOrg from "../../public/locales/en/org.json";
import viPrefs from "../../public/locales/vi/prefs.json";
import enPrefs from "../../public/locales/en/prefs.json";
import viReports from "../../public/locales/vi/reports.json";
import enReports from "../../public/locales/en/reports.json";
import viResponses from "../../public/locales/vi/responses.json";
import enResponses from "../../public/locales/en/responses.json";
import viUsers from "../../public/locales/vi/users.json";
import enUsers from "../../public/locales/en/users.json";

// Strings live in public/locales/{vi,en}/<area>.json; each area file holds one top-level
// key (its area) so the files merge into one namespace without clashes. Add an area's two
// files here, one line each.
const areas: Array<[Record<string, unknown>, Record<string, unknown>]> = [
  [viCommon, enCommon],
  [viAudit, enAudit],
  [viComments, enComments],
  [viConsole, enConsole],
  [viDesigner, enDesigner],
  [viDocument, enDocument],
  [viForm, enForm],
  [viImports, enImports],
  [viKiosk, enKiosk],
  [viOrg, enOrg],
  [viPrefs, enPrefs],
  [viReports, enReports],
  [viResponses, enResponses],
  [viUsers, enUsers],
];

export const messages: Record<AppLocale, Record<string, unknown>> = {
  vi: Object.assign({}, ...areas.map(([vi]) => vi)),
  en: Object.assign({}, ...areas.map(([, en]) => en)),
};
