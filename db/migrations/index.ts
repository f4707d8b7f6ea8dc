import type { Migration, MigrationProvider } from "kysely";
import * as core from "./20261124_0001_core";
import * as reportRollups from "./20261124_0004_report_rollups";
import * as reportExportIndex from "./20261124_0004_report_rollups_export_index";
import * as kiosk from "./20261124_0005_kiosk";
import * as commentFollowup from "./20261124_0006_comment_followup";
import * as responseFoldedAnswers from "./20261125_0007_response_folded_answers";
import * as dossierComplaints from "./20261125_0008_dossier_complaints";
import * as responseSampleOrder from "./20261125_0009_response_sample_order";
import * as auditActor from "./20261207_0010_audit_actor";
import * as surveyRounds from "./20261207_0012_survey_rounds";
import * as reportSettings from "./20261207_0017_report_settings";

// Listed statically so the same migrations run from the CLI (tsx) and the bundled server.
const migrations: Record<string, Migration> = {
  "20261124_0001_core": core,
  "20261124_0004_report_rollups": reportRollups,
  "20261124_0004_report_rollups_export_index": reportExportIndex,
  "20261124_0005_kiosk": kiosk,
  "20261124_0006_comment_followup": commentFollowup,
  "20261125_0007_response_folded_answers": responseFoldedAnswers,
  "20261125_0008_dossier_complaints": dossierComplaints,
  "20261125_0009_response_sample_order": responseSampleOrder,
  "20261207_0010_audit_actor": auditActor,
  "20261207_0012_survey_rounds": surveyRounds,
  "20261207_0017_report_settings": reportSettings,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
