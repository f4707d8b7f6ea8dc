import type { Migration, MigrationProvider } from "kysely";
import * as core from "./20261124_0001_core";
import * as reportRollups from "./20261124_0004_report_rollups";
import * as reportExportIndex from "./20261124_0004_report_rollups_export_index";

// Listed statically so the same migrations run from the CLI (tsx) and the bundled server.
const migrations: Record<string, Migration> = {
  "20261124_0001_core": core,
  "20261124_0004_report_rollups": reportRollups,
  "20261124_0004_report_rollups_export_index": reportExportIndex,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
