import { z } from "zod";
import type { Db } from "../../db/index";
import { getDossierCount, upsertDossierCount } from "../../db/queries/org";
import { listServices } from "../../db/queries/services";
import { listUnits } from "../../db/queries/units";
import type { ImportIssue } from "./import-issues.server";
import { codeSchema, parseRows, runImport, type Importer, type ImportReport, type RowOutcome } from "./imports.server";

// Monthly dossier counts per unit and service (what the participation rate is measured
// against), read by the same CSV/XLSX reader and run by the same all-or-nothing import as the
// unit and service catalogues: admin console only.

export const DOSSIER_COLUMNS = ["unit", "service", "month", "count"] as const;
/**
 * Optional: dossiers with a complaint (phản ánh, kiến nghị), for the QĐ 766 indicator. An empty
 * cell, or a file without the column, means "not reported" (stored as NULL, never as 0).
 */
export const DOSSIER_OPTIONAL_COLUMNS = ["complaints"] as const;

const dossierRowSchema = z
  .object({
    unit: codeSchema,
    service: codeSchema,
    month: z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "monthInvalid" }),
    count: z.string().trim().regex(/^\d{1,9}$/, { error: "countInvalid" }).transform(Number),
    complaints: z
      .string()
      .trim()
      .regex(/^\d{0,9}$/, { error: "complaintsInvalid" })
      .transform((s) => (s === "" ? null : Number(s))),
  })
  // Only once both numbers parsed (`when`): a bad count is reported as such, not as this.
  .refine((r) => r.complaints === null || r.complaints <= r.count, { error: "complaintsOverCount", path: ["complaints"], when: (p) => p.issues.length === 0 });

/** A row's name in the report: unit/service/month (one count per triple). */
const keyOf = (v: { unit?: string; service?: string; month?: string }) => (v.unit && v.service && v.month ? `${v.unit}/${v.service}/${v.month}` : "");

const dossierCounts: Importer = {
  columns: DOSSIER_COLUMNS,
  optionalColumns: DOSSIER_OPTIONAL_COLUMNS,
  entity: "dossier-count",
  async plan(db, rows) {
    const parsed = parseRows(rows, dossierRowSchema, [], keyOf);
    const unitIds = new Map((await listUnits(db)).map((u) => [u.code, u.id]));
    const serviceIds = new Map((await listServices(db)).map((s) => [s.code, s.id]));
    const outcomes: RowOutcome[] = [...parsed.rejected];
    const writes: Array<{ unitId: number; serviceId: number; month: string; count: number; complaints: number | null }> = [];
    for (const d of parsed.valid) {
      const unitId = unitIds.get(d.unit);
      const serviceId = serviceIds.get(d.service);
      const issues: ImportIssue[] = [];
      if (unitId === undefined) issues.push({ key: "unitUnknown", params: { code: d.unit } });
      if (serviceId === undefined) issues.push({ key: "serviceUnknown", params: { code: d.service } });
      if (unitId === undefined || serviceId === undefined) {
        outcomes.push({ row: d.row, code: keyOf(d), status: "rejected", issues });
        continue;
      }
      const before = await getDossierCount(db, unitId, serviceId, d.month);
      const same = before && Number(before.count) === d.count && (before.complaints === null ? null : Number(before.complaints)) === d.complaints;
      const outcome: RowOutcome = { row: d.row, code: keyOf(d), status: !before ? "added" : same ? "unchanged" : "updated", issues: [] };
      outcomes.push(outcome);
      if (outcome.status !== "unchanged") writes.push({ unitId, serviceId, month: d.month, count: d.count, complaints: d.complaints });
    }
    return {
      outcomes,
      async write(trx) {
        for (const w of writes) await upsertDossierCount(trx, w);
        return outcomes;
      },
    };
  },
};

/** Reads a dossier-count file (CSV or XLSX) and previews or commits it. */
export function importDossierFile(db: Db, bytes: Uint8Array, opts: { actor: string; dryRun?: boolean }): Promise<ImportReport> {
  return runImport(db, dossierCounts, bytes, opts);
}
