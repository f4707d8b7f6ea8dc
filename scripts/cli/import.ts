import fs from "node:fs";
import path from "node:path";
import { formatCount } from "../../app/metrics/format";
import { describeIssueBoth } from "../../app/server/import-issues.server";
import { MAX_IMPORT_BYTES } from "../../app/server/import-table.server";
import { importOfferingsFile } from "../../app/server/import-offerings.server";
import { importFile, type ImportReport } from "../../app/server/imports.server";
import { CliError, EXIT_ERROR, EXIT_OK, parseOptions, UsageError, type CliContext } from "./context";
import { ensureDatabase } from "./ensure";

const LISTED = 20;

type CliImportKind = "units" | "services" | "offerings";

export const importUnits = (ctx: CliContext, args: string[]) => runImport(ctx, args, "units");
export const importServices = (ctx: CliContext, args: string[]) => runImport(ctx, args, "services");
export const importOfferings = (ctx: CliContext, args: string[]) => runImport(ctx, args, "offerings");

function readFile(file: string): Uint8Array {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CliError(`Không phải tệp (not a file): ${file}`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Không đọc được tệp (cannot read the file) ${file}: ${(error as Error).message}`);
  }
  if (size > MAX_IMPORT_BYTES) throw new CliError(`Tệp lớn hơn 5 MB (file larger than 5 MB): ${file}`);
  return fs.readFileSync(file);
}

/** `import-units FILE` / `import-services FILE` / `import-offerings FILE [--replace]` [--dry-run]. */
async function runImport(ctx: CliContext, args: string[], kind: CliImportKind): Promise<number> {
  const { values, positionals } = parseOptions(args, { "dry-run": { type: "boolean" }, replace: { type: "boolean" } }, 1);
  if (values.replace && kind !== "offerings") throw new UsageError("--replace chỉ dùng với import-offerings (only for import-offerings)");
  const file = positionals[0];
  if (!file) throw new UsageError(`Thiếu tên tệp (missing FILE): npm run cli -- import-${kind} FILE.csv|xlsx`);
  const bytes = readFile(file);
  const db = ctx.db();
  await ensureDatabase(db);
  const dryRun = values["dry-run"] === true;
  const replace = values.replace === true;
  const report =
    kind === "offerings" ? await importOfferingsFile(db, bytes, { actor: "cli", dryRun, replace }) : await importFile(db, kind, bytes, { actor: "cli", dryRun });
  printReport(ctx, path.basename(file), kind, report, dryRun);
  return report.fileError || report.counts.rejected > 0 ? EXIT_ERROR : EXIT_OK;
}

function list(codes: string[]): string {
  const shown = codes.slice(0, LISTED).join(", ");
  return codes.length > LISTED ? `${shown}, … (+${codes.length - LISTED})` : shown;
}

const WHAT: Record<CliImportKind, string> = { units: "đơn vị (units)", services: "thủ tục (services)", offerings: "thủ tục của đơn vị (offerings)" };

export function printReport(ctx: CliContext, name: string, kind: CliImportKind, report: ImportReport, dryRun: boolean): void {
  const what = WHAT[kind];
  if (report.fileError) {
    ctx.io.err(`${name}: ${describeIssueBoth(report.fileError)}`);
    ctx.io.err("Không ghi gì vào cơ sở dữ liệu (nothing was written).");
    return;
  }
  const c = report.counts;
  // Before a commit (dry run, or a rejected file) the statuses say what WOULD happen.
  const would = report.committed ? "" : " (dự kiến — would be)";
  ctx.io.out(
    `${name} — ${what}${would}: thêm mới (added) ${formatCount(c.added)} · cập nhật (updated) ${formatCount(c.updated)} · ` +
      `không đổi (unchanged) ${formatCount(c.unchanged)} · bị từ chối (rejected) ${formatCount(c.rejected)}`,
  );
  const added = report.rows.filter((r) => r.status === "added").map((r) => r.code);
  const updated = report.rows.filter((r) => r.status === "updated").map((r) => r.code);
  if (added.length) ctx.io.out(`  Thêm mới${would} (added): ${list(added)}`);
  if (updated.length) ctx.io.out(`  Cập nhật${would} (updated): ${list(updated)}`);
  if (report.removed.length) ctx.io.out(`  Bỏ khỏi danh sách${would} (removed): ${list(report.removed)}`);
  for (const r of report.rows.filter((x) => x.status === "rejected")) {
    const reasons = r.issues.map(describeIssueBoth).join("; ");
    ctx.io.err(`  Dòng ${r.row}${r.code ? ` (mã ${r.code})` : ""}: ${reasons}`);
  }
  if (c.rejected > 0) ctx.io.err("Không ghi gì vào cơ sở dữ liệu vì có dòng bị từ chối (nothing was written: some rows were rejected).");
  else if (dryRun) ctx.io.out("Chạy thử: chưa ghi gì (dry run: nothing was written).");
  else if (c.added + c.updated + report.removed.length === 0) ctx.io.out("Không có gì thay đổi (nothing to change).");
  else ctx.io.out("Đã ghi trong một giao dịch (written in one transaction).");
}
