import { Readable } from "node:stream";
import { countRows, rowPages, type RawRow } from "../../db/queries/report-rows";
import type { Db } from "../../db/index";
import { FIXED_COLUMNS, codebookRows, csvField, exportColumns, type ExportColumn } from "~/survey/codebook";
import { PAIR_SEPARATOR, TEXT_MARK, VALUE_SEPARATOR, unfoldAnswers } from "~/survey/folded-answers";
import { resolveReport, type SummaryQuery } from "./report.server";
import type { ReportAccess } from "./report-scope.server";
import { parsedVersion } from "./survey-versions.server";

const BOM = "\uFEFF";
const TEXT_CODE = TEXT_MARK.charCodeAt(0);
const CSV_HEADERS = { "content-type": "text/csv; charset=utf-8", "cache-control": "no-store" };

export async function exportSource(db: Db, query: SummaryQuery, access: ReportAccess) {
  const report = await resolveReport(db, query, access);
  report.scope.receivedBefore = new Date().toISOString();
  const { definition } = await parsedVersion(db, report.version.id, report.version.content_hash);
  const range = { from: query.from, to: query.to };
  return { ...report, definition, columns: exportColumns(definition), range, expected: await countRows(db, report.scope, range) };
}

export function rowValues(row: RawRow, columns: ExportColumn[]): Array<string | number | null> {
  const answers = unfoldAnswers(row.folded);
  return [row.id, row.version, row.submitted_date, row.unit, row.service, row.channel, row.locale, ...columns.map((c) => answers.get(c.id) ?? null)];
}

export const rowHeader = (columns: ExportColumn[]) => [...FIXED_COLUMNS, ...columns.map((c) => c.id)];
const FIXED_LABELS = ["Mã phiếu", "Phiên bản", "Ngày gửi", "Đơn vị", "Thủ tục", "Kênh", "Ngôn ngữ"];
/** The raw sheet's second header row: what each column asks, in Vietnamese. */
export const rowLabels = (columns: ExportColumn[]) => [...FIXED_LABELS, ...columns.map((c) => c.label)];

/** Fails loudly when what was written differs from what the query counts. */
export function checkCount(written: number, expected: number): void {
  if (written !== expected) throw new Error(`export row count ${written} ≠ ${expected}: aborted, not truncated`);
}

const line = (values: Array<string | number | null>) => `${values.map(csvField).join(",")}\r\n`;

/**
 * One CSV line straight from the stored folded answers (the hot loop of a million-row
 * export): no intermediate map.
 */
function csvLine(row: RawRow, position: ReadonlyMap<string, number>, width: number): string {
  const cells: string[] = new Array(width).fill("");
  if (row.folded) {
    for (const pair of row.folded.split(PAIR_SEPARATOR)) {
      const cut = pair.indexOf(VALUE_SEPARATOR);
      const at = position.get(pair.slice(0, cut));
      if (at === undefined) continue; // not a column of this version (another version, or private)
      cells[at] = pair.charCodeAt(cut + 1) === TEXT_CODE ? csvField(pair.slice(cut + 2)) : pair.slice(cut + 1);
    }
  }
  return `${csvField(row.id)},${row.version},${row.submitted_date},${csvField(row.unit)},${csvField(row.service)},${row.channel},${row.locale},${cells.join(",")}\r\n`;
}

/**
 * Raw anonymized responses as CSV (UTF-8 with BOM for Excel, header row, codes not labels),
 * streamed page by page; the stream errors (no silent truncation) if the row count differs.
 */
export async function csvExport(db: Db, query: SummaryQuery, access: ReportAccess): Promise<Response> {
  const src = await exportSource(db, query, access);
  const utf8 = new TextEncoder();
  async function* body() {
    yield utf8.encode(BOM + line(rowHeader(src.columns)));
    let written = 0;
    const position = new Map(src.columns.map((c, i) => [c.id, i]));
    for await (const page of rowPages(db, src.scope, src.range)) {
      written += page.length;
      let chunk = "";
      for (const r of page) chunk += csvLine(r, position, src.columns.length);
      yield utf8.encode(chunk);
    }
    checkCount(written, src.expected);
  }
  const filename = `phieu-${src.version.slug}-${query.from}-${query.to}.csv`;
  return new Response(Readable.toWeb(Readable.from(body())) as ReadableStream, {
    headers: { ...CSV_HEADERS, "content-disposition": `attachment; filename="${filename}"`, "x-row-count": String(src.expected) },
  });
}

export async function codebookExport(db: Db, query: SummaryQuery, access: ReportAccess): Promise<Response> {
  const src = await exportSource(db, query, access);
  const text = BOM + line(["question_id", "type", "section", "code", "label"]) + codebookRows(src.definition).map(line).join("");
  return new Response(text, { headers: { ...CSV_HEADERS, "content-disposition": `attachment; filename="bang-ma-${src.version.slug}.csv"` } });
}
