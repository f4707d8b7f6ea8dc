import { z } from "zod";
import { appendAudit } from "../../db/queries/credentials";
import { getDossierCount, upsertDossierCount } from "../../db/queries/org";
import { getServiceByCode, upsertService } from "../../db/queries/services";
import { getUnitByCode, upsertUnit } from "../../db/queries/units";
import type { Db } from "../../db/index";
import { nowIso } from "./console.server";
import type { TableRow } from "./table-file.server";

// previewUnitImport / commitUnitImport / previewServiceImport / commitServiceImport take rows
// already parsed from the file (header → text). The versions on main (app/server/imports.server.ts)
// replace the unit and service ones once merged; the dossier-count import is the console's own.

export type RowStatus = "added" | "updated" | "unchanged" | "rejected";
export interface ImportRow {
  line: number;
  key: string;
  status: RowStatus;
  /** The column at fault and a message key. */
  reason?: Reason;
}
export interface Reason {
  field: string;
  key: string;
}
export interface ImportReport {
  rows: ImportRow[];
  counts: Record<RowStatus, number>;
  committed: boolean;
}

type Apply = (trx: Db, row: TableRow, now: string) => Promise<{ key: string; status: Exclude<RowStatus, "rejected"> } | { key: string; reason: Reason }>;

class Rollback extends Error {}

/**
 * Runs every row in one transaction, exactly as a commit would (so a parent added on line 2
 * is known on line 3), then rolls back for a preview — or when any row is rejected: a file
 * with a bad row changes nothing.
 */
async function runImport(db: Db, rows: TableRow[], actor: string, kind: string, apply: Apply, commit: boolean): Promise<ImportReport> {
  const now = nowIso();
  const report: ImportReport = { rows: [], counts: { added: 0, updated: 0, unchanged: 0, rejected: 0 }, committed: false };
  try {
    await db.transaction().execute(async (trx) => {
      for (const [i, row] of rows.entries()) {
        const result = await apply(trx, row, now);
        const entry: ImportRow = "reason" in result ? { line: i + 2, key: result.key, status: "rejected", reason: result.reason } : { line: i + 2, ...result };
        report.rows.push(entry);
        report.counts[entry.status]++;
      }
      if (!commit || report.counts.rejected > 0 || rows.length === 0) throw new Rollback();
      await appendAudit(trx, { actor, action: `import.${kind}`, entity: kind, after: { ...report.counts, keys: report.rows.filter((r) => r.status !== "unchanged").slice(0, 200).map((r) => `${r.status}:${r.key}`) } }, now);
    });
    report.committed = true;
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return report;
}

const text = (max: number) => z.string().trim().min(1, "org.import.missing").max(max, "org.import.tooLong");
const code = text(64).regex(/^[\p{L}\p{N}._-]+$/u, "org.errors.code");
const unitRow = z.object({ code, name: text(300), level: text(50), parent: z.string().trim().max(64).optional().default("") });
const serviceRow = z.object({ code, name: text(300), field: text(200), level: text(50) });
const dossierRow = z.object({
  unit: code,
  service: code,
  month: z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "org.import.month"),
  count: z.string().trim().regex(/^\d{1,9}$/, "org.import.count"),
});

function firstIssue(error: z.ZodError): Reason {
  const issue = error.issues[0];
  const key = /^[a-z]+\.[A-Za-z.]+$/.test(issue.message) ? issue.message : issue.input === undefined ? "org.import.missing" : "console.errors.invalid";
  return { field: issue.path.join("."), key };
}

const applyUnit: Apply = async (trx, row, now) => {
  const parsed = unitRow.safeParse(row);
  if (!parsed.success) return { key: row.code ?? "", reason: firstIssue(parsed.error) };
  const u = parsed.data;
  if (u.parent && !(await getUnitByCode(trx, u.parent))) return { key: u.code, reason: { field: "parent", key: "org.import.unknownParent" } };
  try {
    const status = await upsertUnit(trx, { code: u.code, name: u.name, level: u.level, parentCode: u.parent || null }, now);
    return { key: u.code, status };
  } catch {
    return { key: u.code, reason: { field: "parent", key: "org.errors.cycle" } };
  }
};

const applyService: Apply = async (trx, row, now) => {
  const parsed = serviceRow.safeParse(row);
  if (!parsed.success) return { key: row.code ?? "", reason: firstIssue(parsed.error) };
  return { key: parsed.data.code, status: await upsertService(trx, parsed.data, now) };
};

const applyDossier: Apply = async (trx, row) => {
  const parsed = dossierRow.safeParse(row);
  const key = `${row.unit ?? ""}/${row.service ?? ""}/${row.month ?? ""}`;
  if (!parsed.success) return { key, reason: firstIssue(parsed.error) };
  const d = parsed.data;
  const unit = await getUnitByCode(trx, d.unit);
  if (!unit) return { key, reason: { field: "unit", key: "console.errors.unknownUnit" } };
  const service = await getServiceByCode(trx, d.service);
  if (!service) return { key, reason: { field: "service", key: "console.errors.unknownService" } };
  const before = await getDossierCount(trx, unit.id, service.id, d.month);
  const count = Number(d.count);
  if (before?.count === count) return { key, status: "unchanged" };
  await upsertDossierCount(trx, { unitId: unit.id, serviceId: service.id, month: d.month, count });
  return { key, status: before ? "updated" : "added" };
};

export const previewUnitImport = (db: Db, rows: TableRow[], actor: string) => runImport(db, rows, actor, "units", applyUnit, false);
export const commitUnitImport = (db: Db, rows: TableRow[], actor: string) => runImport(db, rows, actor, "units", applyUnit, true);
export const previewServiceImport = (db: Db, rows: TableRow[], actor: string) => runImport(db, rows, actor, "services", applyService, false);
export const commitServiceImport = (db: Db, rows: TableRow[], actor: string) => runImport(db, rows, actor, "services", applyService, true);
export const previewDossierImport = (db: Db, rows: TableRow[], actor: string) => runImport(db, rows, actor, "dossier-counts", applyDossier, false);
export const commitDossierImport = (db: Db, rows: TableRow[], actor: string) => runImport(db, rows, actor, "dossier-counts", applyDossier, true);

/** Rows sent back by the preview page for the commit step: checked again, never trusted. */
export const postedRowsSchema = z
  .string()
  .max(4 * 1024 * 1024)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "console.errors.invalid" });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.record(z.string().max(100), z.string().max(1000))).max(5000));
