import { decodeText, detectKind } from "./upload.server";

// A stand-in for app/server/csv.server.ts (being written on main): reads an uploaded CSV
// (UTF-8, comma/semicolon/tab) or XLSX into rows keyed by lower-case header. Swap it for that
// module's parser once merged; the import pages only need `parseTable`.

export type TableRow = Record<string, string>;
export type TableResult = { ok: true; rows: TableRow[] } | { ok: false; errorKey: string };

export const MAX_ROWS = 5000;

function splitCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === delimiter) endCell();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell !== "" || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** A cell as text. Formulas are never evaluated: the value Excel saved with the file is used. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { result?: unknown; text?: unknown; richText?: Array<{ text: string }>; error?: unknown };
    if ("formula" in v || "sharedFormula" in v) return cellText(v.result ?? "");
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if (v.text !== undefined) return cellText(v.text);
    return "";
  }
  return String(value);
}

async function xlsxRows(bytes: Uint8Array): Promise<string[][] | null> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

export async function parseTable(bytes: Uint8Array): Promise<TableResult> {
  const kind = detectKind(bytes);
  if (!kind) return { ok: false, errorKey: "console.upload.badType" };
  const grid = kind === "xlsx" ? await xlsxRows(bytes) : splitCsv(decodeText(bytes));
  if (!grid) return { ok: false, errorKey: "console.upload.badType" };
  const [header, ...body] = grid.filter((r) => r.some((c) => c.trim() !== ""));
  if (!header) return { ok: false, errorKey: "console.upload.empty" };
  if (body.length > MAX_ROWS) return { ok: false, errorKey: "console.upload.tooManyRows" };
  const keys = header.map((h) => h.normalize("NFC").trim().toLowerCase());
  const rows = body.map((cells) => Object.fromEntries(keys.map((k, i) => [k, (cells[i] ?? "").normalize("NFC").trim()])));
  return { ok: true, rows };
}
