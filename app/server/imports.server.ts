import { z } from "zod";
import type { Db } from "../../db/index";
import { appendAudit } from "../../db/queries/credentials";
import { listServices, upsertService } from "../../db/queries/services";
import { listUnits, upsertUnit } from "../../db/queries/units";
import type { ImportIssue, ImportIssueKey } from "./import-issues.server";
import { readImportTable, type TableRow } from "./import-table.server";
import { planUnits, type UnitRow } from "./import-units-plan.server";
import { SERVICE_LEVELS, UNIT_LEVELS, levelCodeOf } from "~/org/levels";

// Unit and service catalogue imports, shared by the CLI (scripts/cli/import.ts) and the admin
// console (routes/quan-tri.nhap.$kind). All or nothing: every row is validated (zod, then
// against the database) before anything is written; one rejected row means no write at all.
// A clean file is written in ONE transaction, with its audit row.

export { SERVICE_LEVELS, UNIT_LEVELS } from "~/org/levels";
export const UNIT_COLUMNS = ["code", "name", "parent", "level"] as const;
export const SERVICE_COLUMNS = ["code", "name", "field", "level"] as const;
export const NAME_MAX = 300;
export const FIELD_MAX = 200;

export type RowStatus = "added" | "updated" | "unchanged" | "rejected";

export interface RowOutcome {
  row: number;
  code: string;
  status: RowStatus;
  issues: ImportIssue[];
}

export interface ImportReport {
  /** A problem with the whole file (size, type, header); `rows` is empty then. */
  fileError?: ImportIssue;
  rows: RowOutcome[];
  counts: Record<RowStatus, number>;
  /** What the file takes away that is not a row of it ("unit/service" offerings with --replace). */
  removed: string[];
  /** True when the rows were written (never with a rejected row or a file error). */
  committed: boolean;
}

const CODE_RE = /^[A-Za-z0-9._-]{1,64}$/;

export const codeSchema = z.string().trim().min(1, { error: "codeRequired" }).regex(CODE_RE, { error: "codeInvalid" });

/** Empty means a top-level unit. */
const parentSchema = z
  .string()
  .trim()
  .refine((s) => s === "" || CODE_RE.test(s), { error: "codeInvalid" })
  .transform((s) => (s === "" ? null : s));

/** NFC (Vietnamese letters may arrive decomposed from macOS or old software), spaces collapsed. */
const text = (max: number, required: ImportIssueKey, tooLong: ImportIssueKey) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, { error: required }).max(max, { error: tooLong }));

const levelSchema = <T extends readonly [string, ...string[]]>(levels: T) =>
  z
    .string()
    .transform(levelCodeOf) // "xa", "Xã" and "Cấp xã" are the same level
    .pipe(z.enum(levels, { error: "levelInvalid" }));

export const unitRowSchema = z.object({
  code: codeSchema,
  name: text(NAME_MAX, "nameRequired", "nameTooLong"),
  parent: parentSchema,
  level: levelSchema(UNIT_LEVELS),
});

export const serviceRowSchema = z.object({
  code: codeSchema,
  name: text(NAME_MAX, "nameRequired", "nameTooLong"),
  field: text(FIELD_MAX, "fieldRequired", "fieldTooLong"),
  level: levelSchema(SERVICE_LEVELS),
});

function issueFor(key: string, column: string, raw: Record<string, string>, levels: readonly string[]): ImportIssue {
  switch (key) {
    case "codeInvalid":
    case "monthInvalid":
    case "countInvalid":
    case "complaintsInvalid":
      return { key, params: { value: (raw[column] ?? "").trim() } };
    case "complaintsOverCount":
      return { key, params: { complaints: (raw.complaints ?? "").trim(), count: (raw.count ?? "").trim() } };
    case "nameTooLong":
      return { key, params: { max: NAME_MAX } };
    case "fieldTooLong":
      return { key, params: { max: FIELD_MAX } };
    case "levelInvalid":
      return { key, params: { value: raw.level ?? "", allowed: levels.join(", ") } };
    case "codeRequired":
    case "nameRequired":
    case "fieldRequired":
      return { key };
    default:
      // Not reachable with string cells; keep the row rejected with the column named.
      return { key: "codeInvalid", params: { value: `${column}: ${raw[column] ?? ""}` } };
  }
}

interface Parsed<T> {
  valid: Array<T & { row: number }>;
  rejected: RowOutcome[];
}

const codeOf = (values: Record<string, string>) => (values.code ?? "").trim();

/**
 * zod per row, then duplicate keys within the file (the first occurrence wins, later ones are
 * rejected). `keyOf` names a row in the report: its code, or "" when it has none.
 */
export function parseRows<S extends z.ZodType>(rows: TableRow[], schema: S, levels: readonly string[], keyOf = codeOf): Parsed<z.output<S>> {
  const valid: Array<z.output<S> & { row: number }> = [];
  const rejected: RowOutcome[] = [];
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const issues = [...r.issues];
    const result = schema.safeParse(r.values);
    if (!result.success) {
      for (const issue of result.error.issues) issues.push(issueFor(issue.message, String(issue.path[0] ?? ""), r.values, levels));
    }
    const code = keyOf(r.values);
    const seen = code ? firstRow.get(code) : undefined;
    if (seen !== undefined) issues.push({ key: "duplicateCode", params: { code, firstRow: seen } });
    else if (code) firstRow.set(code, r.row);
    if (issues.length || !result.success) rejected.push({ row: r.row, code, status: "rejected", issues });
    else valid.push({ ...(result.data as object), row: r.row } as z.output<S> & { row: number });
  }
  return { valid, rejected };
}

function countStatuses(rows: RowOutcome[]): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

function report(rows: RowOutcome[], committed: boolean, removed: string[] = []): ImportReport {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  return { rows: sorted, counts: countStatuses(sorted), removed, committed };
}

/** What an import would do (`outcomes`), and how to do it once nothing is rejected. */
export interface ImportPlan {
  outcomes: RowOutcome[];
  /** Existing records the write takes away (reported and audited beside the rows). */
  removed?: string[];
  write: (trx: Db, now: string) => Promise<RowOutcome[]>;
}

export interface Importer {
  columns: readonly string[];
  /** Columns a file may leave out (read as "" then). */
  optionalColumns?: readonly string[];
  /** Audit entity: the audit action is `${entity}.import`. */
  entity: string;
  plan: (db: Db, rows: TableRow[]) => Promise<ImportPlan>;
}

/**
 * Reads a file (CSV or XLSX) and previews it (`dryRun`: nothing written) or commits it: the
 * plan is made again inside the transaction, and any rejected row means nothing is written.
 */
export async function runImport(db: Db, importer: Importer, bytes: Uint8Array, opts: { actor: string; dryRun?: boolean }): Promise<ImportReport> {
  const table = await readImportTable(bytes, importer.columns, importer.optionalColumns);
  if (!table.ok) return { fileError: table.error, rows: [], counts: countStatuses([]), removed: [], committed: false };
  if (opts.dryRun) {
    const plan = await importer.plan(db, table.rows);
    return report(plan.outcomes, false, plan.removed);
  }
  return db.transaction().execute(async (trx) => {
    const plan = await importer.plan(trx, table.rows);
    if (plan.outcomes.some((o) => o.status === "rejected")) return report(plan.outcomes, false, plan.removed);
    const now = new Date().toISOString();
    const done = await plan.write(trx, now);
    await auditImport(trx, opts.actor, importer.entity, done, plan.removed ?? [], now);
    return report(done, true, plan.removed);
  });
}

/** Writes rows in order (parents first for units); a row's status is what the upsert did. */
async function writeEach<T extends { row: number; code: string }>(items: T[], upsert: (item: T) => Promise<Exclude<RowStatus, "rejected">>): Promise<RowOutcome[]> {
  const done: RowOutcome[] = [];
  for (const item of items) done.push({ row: item.row, code: item.code, status: await upsert(item), issues: [] });
  return done;
}

/** One audit row per import that changed something: the codes added, updated and removed. */
async function auditImport(trx: Db, actor: string, entity: string, done: RowOutcome[], removed: string[], now: string) {
  const added = done.filter((d) => d.status === "added").map((d) => d.code);
  const updated = done.filter((d) => d.status === "updated").map((d) => d.code);
  if (!added.length && !updated.length && !removed.length) return; // nothing changed, nothing to record
  const after = { added, updated, unchanged: done.length - added.length - updated.length, ...(removed.length ? { removed } : {}) };
  await appendAudit(trx, { actor, action: `${entity}.import`, entity, after }, now);
}

// ---- units -------------------------------------------------------------------------------

const units: Importer = {
  columns: UNIT_COLUMNS,
  entity: "unit",
  async plan(db, rows) {
    const parsed = parseRows(rows, unitRowSchema, UNIT_LEVELS);
    const plan = planUnits(parsed.valid as UnitRow[], await listUnits(db), new Set(parsed.rejected.map((r) => r.code)));
    return {
      outcomes: [...parsed.rejected, ...plan.outcomes],
      write: (trx, now) => writeEach(plan.order, (u) => upsertUnit(trx, { code: u.code, name: u.name, level: u.level, parentCode: u.parent }, now)),
    };
  },
};

// ---- services ----------------------------------------------------------------------------

const services: Importer = {
  columns: SERVICE_COLUMNS,
  entity: "service",
  async plan(db, rows) {
    const parsed = parseRows(rows, serviceRowSchema, SERVICE_LEVELS);
    const existing = new Map((await listServices(db)).map((s) => [s.code, s]));
    const outcomes: RowOutcome[] = [...parsed.rejected];
    for (const s of parsed.valid) {
      const old = existing.get(s.code);
      const status: RowStatus = !old ? "added" : old.name === s.name && old.field === s.field && old.level === s.level ? "unchanged" : "updated";
      outcomes.push({ row: s.row, code: s.code, status, issues: [] });
    }
    return {
      outcomes,
      write: (trx, now) => writeEach(parsed.valid, (s) => upsertService(trx, { code: s.code, name: s.name, field: s.field, level: s.level }, now)),
    };
  },
};

// ---- files -------------------------------------------------------------------------------

export type ImportKind = "units" | "services";

/** Reads a unit or service file (CSV or XLSX) and previews or commits it. */
export function importFile(db: Db, kind: ImportKind, bytes: Uint8Array, opts: { actor: string; dryRun?: boolean }): Promise<ImportReport> {
  return runImport(db, kind === "units" ? units : services, bytes, opts);
}
