import { documentFrame } from "~/documents/report-content";
import { pageLocale, translator } from "~/i18n/i18n.server";
import { vnDate } from "~/metrics/periods";
import { reportPage } from "./report-page.server";
import { settingsForUnit } from "./report-settings.server";
import type { AppServices } from "./services.server";

/** Loader body of the print view: the report page plus the NĐ 30/2020 frame (issuer, motto,
 * recipients, signer) from the same per-root settings and wording as the DOCX/PDF document. */
export async function reportPrintPage(services: AppServices, request: Request) {
  const page = await reportPage(services, request, "routes/quan-tri_.bao-cao.in");
  const t = translator(await pageLocale(request));
  const settings = await settingsForUnit(await services.reads(), page.unitId, t);
  return { ...page, frame: documentFrame(settings, vnDate(new Date()), t) };
}
