import type { AppLocale } from "./config";
import viCommon from "../../public/locales/vi/common.json";
import enCommon from "../../public/locales/en/common.json";

// Strings live in public/locales/{vi,en}/<area>.json; each area file holds one top-level
// key (its area) so the files merge into one namespace without clashes. Add an area's two
// files here.
export const messages: Record<AppLocale, Record<string, unknown>> = {
  vi: { ...viCommon },
  en: { ...enCommon },
};
import viConsole from "../../public/locales/vi/console.json";
import enConsole from "../../public/locales/en/console.json";
import viUsers from "../../public/locales/vi/users.json";
import enUsers from "../../public/locales/en/users.json";
// The admin console's areas (issue 6).
Object.assign(messages.vi, viConsole, viUsers);
Object.assign(messages.en, enConsole, enUsers);
import viDesigner from "../../public/locales/vi/designer.json";
import enDesigner from "../../public/locales/en/designer.json";
Object.assign(messages.vi, viDesigner);
Object.assign(messages.en, enDesigner);
import viOrg from "../../public/locales/vi/org.json";
import enOrg from "../../public/locales/en/org.json";
Object.assign(messages.vi, viOrg);
Object.assign(messages.en, enOrg);
import viAudit from "../../public/locales/vi/audit.json";
import enAudit from "../../public/locales/en/audit.json";
import viComments from "../../public/locales/vi/comments.json";
import enComments from "../../public/locales/en/comments.json";
import viResponses from "../../public/locales/vi/responses.json";
import enResponses from "../../public/locales/en/responses.json";
Object.assign(messages.vi, viAudit, viComments, viResponses);
Object.assign(messages.en, enAudit, enComments, enResponses);
