// RFC 4180 CSV, pure: text in, records out. Used by the unit/service imports (CLI and admin
// UI). Accepts what spreadsheet programs write: UTF-8 with or without BOM, CRLF or LF line
// ends (a lone CR too), quoted fields with embedded commas, quotes ("") and line breaks.

export class CsvError extends Error {
  /** 1-based physical line where the problem was found. */
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = "CsvError";
    this.line = line;
  }
}

export interface CsvRecord {
  /** 1-based record number (the header is record 1), what a spreadsheet shows as the row. */
  record: number;
  /** 1-based physical line the record starts on (differs once a field holds a line break). */
  line: number;
  fields: string[];
}

export interface CsvOptions {
  delimiter?: string;
}

/**
 * Parses CSV text into records. Throws CsvError on a malformed quote: a quote inside an
 * unquoted field, text after a closing quote, or a quoted field that never ends.
 * A final line break does not make an extra empty record.
 */
export function parseCsv(input: string, options: CsvOptions = {}): CsvRecord[] {
  const delimiter = options.delimiter ?? ",";
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  // Whether the current record has any content (so `""` alone is a record with one empty field).
  let started = false;
  let i = 0;
  const n = text.length;

  const endRecord = () => {
    fields.push(field);
    records.push({ record: records.length + 1, line: recordLine, fields });
    fields = [];
    field = "";
    started = false;
  };

  while (i < n) {
    const ch = text[i];
    if (ch === '"') {
      if (field !== "") throw new CsvError("dấu ngoặc kép giữa trường không có ngoặc (quote inside an unquoted field)", line);
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvError("trường trong ngoặc kép không được đóng (unterminated quoted field)", startLine);
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field += c;
        i++;
      }
      const next = text[i];
      if (i < n && next !== delimiter && next !== "\n" && next !== "\r") {
        throw new CsvError("ký tự sau dấu ngoặc kép đóng (text after a closing quote)", line);
      }
      started = true;
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = "";
      started = true;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    started = true;
    i++;
  }
  // A last record without a final line break.
  if (started) endRecord();
  return records;
}

/** One CSV field, quoted when needed (the inverse of parseCsv, for exports and tests). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: string[][], eol = "\r\n"): string {
  return rows.map((r) => r.map(csvField).join(",")).join(eol) + eol;
}
