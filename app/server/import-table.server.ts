import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { CsvError, parseCsv } from "./csv.server";
import type { ImportIssue } from "./import-issues.server";
import { checkZipDirectory } from "./zip-directory.server";

// Turns an uploaded file into rows of named text values, for the CLI and the admin console.
// The type is decided by content, never by the file name: XLSX is a zip ("PK\x03\x04"), an
// old .xls is refused with a hint, anything else must be UTF-8 text (CSV with , ; or tab).

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export interface TableRow {
  /** Row number as a spreadsheet shows it (the header row is 1). */
  row: number;
  /** Column name (lower-case) → trimmed text; "" when empty. */
  values: Record<string, string>;
  /** Problems of single cells (a formula without a value, an error value). */
  issues: ImportIssue[];
}

export type TableResult = { ok: true; rows: TableRow[] } | { ok: false; error: ImportIssue };

type RawRow = { row: number; cells: Array<string | ImportIssue> };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Excel 97-2003 (.xls) and other OLE2 compound files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export type FileKind = "xlsx" | "xls" | "text" | "binary";

const startsWith = (bytes: Uint8Array, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** What the bytes are, whatever the file is called or the browser claims. */
export function detectKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP_MAGIC)) return "xlsx";
  if (startsWith(bytes, OLE_MAGIC)) return "xls";
  if (bytes.includes(0)) return "binary";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "text";
  } catch {
    return "binary";
  }
}

/**
 * Reads CSV or XLSX bytes and maps the header onto `columns` (all required, any order, any
 * case) and `optional` columns (a missing one reads as "" in every row).
 */
export async function readImportTable(
  bytes: Uint8Array,
  columns: readonly string[],
  optional: readonly string[] = [],
  limits: { bytes: number; rows: number } = { bytes: MAX_IMPORT_BYTES, rows: MAX_IMPORT_ROWS },
): Promise<TableResult> {
  if (bytes.length > limits.bytes) return fail("fileTooLarge", { max: limits.bytes / 1024 / 1024 });
  if (bytes.length === 0) return fail("fileEmpty");
  const kind = detectKind(bytes);
  if (kind === "xls") return fail("xlsLegacy");
  if (kind === "binary") return fail("notText");
  const raw = kind === "xlsx" ? await readXlsx(bytes, limits) : readCsvBytes(bytes, [...columns, ...optional]);
  if ("error" in raw) return { ok: false, error: raw.error };
  return mapColumns(raw.rows, columns, optional, limits.rows);
}

function fail(key: ImportIssue["key"], params?: ImportIssue["params"]): TableResult {
  return { ok: false, error: { key, params } };
}

/** Header text as a column name: no BOM, no surrounding quotes or spaces, NFC, lower case. */
const columnName = (s: string) => s.replace(/^\uFEFF/, "").trim().replace(/^"(.*)"$/, "$1").normalize("NFC").trim().toLowerCase();

/**
 * Excel with Vietnamese regional settings saves CSV with ";" (the decimal mark is ","): the
 * delimiter is the one whose header line names the most expected columns (comma on a tie).
 */
export function delimiterOf(text: string, columns: readonly string[]): string {
  const header = text.split(/\r\n|\r|\n/, 1)[0] ?? "";
  let best = { delimiter: ",", found: -1 };
  for (const delimiter of [",", ";", "\t"]) {
    const names = header.split(delimiter).map(columnName);
    const found = columns.filter((c) => names.includes(c)).length;
    if (found > best.found) best = { delimiter, found };
  }
  return best.delimiter;
}

function readCsvBytes(bytes: Uint8Array, columns: readonly string[]): { rows: RawRow[] } | { error: ImportIssue } {
  const text = new TextDecoder("utf-8").decode(bytes); // detectKind checked it is valid UTF-8 without NUL
  try {
    return { rows: parseCsv(text, { delimiter: delimiterOf(text, columns) }).map((r) => ({ row: r.record, cells: r.fields })) };
  } catch (error) {
    if (error instanceof CsvError) return { error: { key: "csvMalformed", params: { line: error.line, detail: error.message } } };
    throw error;
  }
}

function dateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** A cell as text. Formulas are never evaluated: the cached result is used, or the cell is refused. */
export function cellText(value: ExcelJS.CellValue, column: string): string | ImportIssue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return { key: "cellError", params: { column, value: String(value.error) } };
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined || result === null) return { key: "cellFormula", params: { column } };
    return cellText(result, column);
  }
  if ("hyperlink" in value) {
    const text: unknown = value.text;
    return typeof text === "string" ? text : cellText(text as ExcelJS.CellValue, column);
  }
  return String(value);
}

/** What an XLSX may inflate to: 50 MB, or more for the larger files a caller allows (a survey frame). */
const inflatedLimit = (maxBytes: number) => Math.max(50 * 1024 * 1024, maxBytes * 4);
/** An XLSX from Excel or LibreOffice has a dozen or so parts; thousands is an attack. */
export const MAX_XLSX_ENTRIES = 1000;

async function readXlsx(bytes: Uint8Array, limits: { bytes: number; rows: number }): Promise<{ rows: RawRow[] } | { error: ImportIssue }> {
  // The zip directory first: a bomb declares its size there, and nothing has been inflated yet.
  const inflated = inflatedLimit(limits.bytes);
  const verdict = checkZipDirectory(bytes, { inflated, entries: MAX_XLSX_ENTRIES });
  if (!verdict.ok) {
    if (verdict.reason === "tooLarge") return { error: { key: "xlsxTooLarge", params: { max: inflated / 1024 / 1024 } } };
    if (verdict.reason === "tooManyEntries") return { error: { key: "xlsxTooManyEntries", params: { max: MAX_XLSX_ENTRIES } } };
    return { error: { key: "xlsxUnreadable", params: { detail: verdict.detail ?? "" } } };
  }
  // Loaded on first use: the server starts without it (it is large) and most pages never need it.
  const { default: Excel } = await import("exceljs");
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  // Streamed, first sheet only, stopped past the row limit: a huge sheet is never held whole.
  // Styles are cached because dates are told from numbers by their number format.
  const reader = new Excel.stream.xlsx.WorkbookReader(input, { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "cache" });
  const rows: RawRow[] = [];
  let sawSheet = false;
  try {
    for await (const sheet of reader) {
      sawSheet = true;
      let nonBlank = 0;
      for await (const row of sheet) {
        const raw = rawRow(row);
        if (isBlank(raw)) continue;
        rows.push(raw);
        // The header and then more than the allowed data rows: refused without reading on.
        if (++nonBlank > limits.rows + 1) return { error: { key: "tooManyRows", params: { max: limits.rows } } };
      }
      break;
    }
  } catch (error) {
    return { error: { key: "xlsxUnreadable", params: { detail: (error as Error).message.slice(0, 200) } } };
  } finally {
    input.destroy();
  }
  if (!sawSheet) return { error: { key: "xlsxNoSheet" } };
  return { rows };
}

function rawRow(row: ExcelJS.Row): RawRow {
  const cells: Array<string | ImportIssue> = [];
  for (let c = 1; c <= row.cellCount; c++) {
    const cell = row.getCell(c);
    cells.push(cellText(cell.value, cell.address));
  }
  return { row: row.number, cells };
}

const isBlank = (r: RawRow) => r.cells.every((c) => typeof c === "string" && c.trim() === "");

function mapColumns(raw: RawRow[], required: readonly string[], optional: readonly string[], maxRows: number): TableResult {
  const columns = [...required, ...optional];
  const nonBlank = raw.filter((r) => !isBlank(r));
  const header = nonBlank[0];
  if (!header) return fail("noRows");
  const names = header.cells.map((c) => (typeof c === "string" ? columnName(c) : ""));
  const index = new Map<string, number>();
  for (const [i, name] of names.entries()) {
    if (!columns.includes(name)) continue; // extra columns (notes, …) are ignored
    if (index.has(name)) return fail("duplicateColumn", { column: name });
    index.set(name, i);
  }
  const missing = required.filter((c) => !index.has(c));
  if (missing.length) return fail("missingColumns", { columns: missing.join(", ") });

  const rows = nonBlank.slice(1).map((r): TableRow => {
    const values: Record<string, string> = {};
    const issues: ImportIssue[] = [];
    for (const column of columns) {
      const at = index.get(column);
      const cell = at === undefined ? "" : (r.cells[at] ?? "");
      // NFC: Vietnamese letters may arrive decomposed (macOS, old software) and must compare equal.
      if (typeof cell === "string") values[column] = cell.normalize("NFC").trim();
      else {
        values[column] = "";
        issues.push(cell);
      }
    }
    return { row: r.row, values, issues };
  });
  if (!rows.length) return fail("noRows");
  if (rows.length > maxRows) return fail("tooManyRows", { max: maxRows });
  return { ok: true, rows };
}
