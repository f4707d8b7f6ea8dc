// Reading import files (CSV and XLSX) into rows: pure, no database.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { describeIssue } from "../../app/server/import-issues.server";
import { cellText, delimiterOf, detectKind, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readImportTable } from "../../app/server/import-table.server";

const COLUMNS = ["code", "name", "parent", "level"] as const;
const utf8 = (s: string) => new TextEncoder().encode(s);

async function xlsx(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("Đơn vị"));
  wb.addWorksheet("Khác").addRow(["ignored"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readImportTable", () => {
  it("maps header names case-insensitively, in any order, ignoring extra columns", async () => {
    const result = await readImportTable(utf8("\uFEFFLevel,Ghi chú,CODE,Name,parent\r\nxa,note,X1, Xã Một ,P\r\n"), COLUMNS);
    expect(result).toEqual({ ok: true, rows: [{ row: 2, values: { code: "X1", name: "Xã Một", parent: "P", level: "xa" }, issues: [] }] });
  });

  it("reads what Vietnamese Excel saves: a BOM, semicolons, quotes and decomposed diacritics (stored NFC)", async () => {
    const nfd = "Xã Hòa An".normalize("NFD");
    const result = await readImportTable(utf8(`\ufeffCode;Name;Parent;Level\r\nX1;${nfd};T;xa\r\nX2;"Phường ""Đông"" Hà; khu 1";T;phuong\r\n`), COLUMNS);
    expect(result).toEqual({
      ok: true,
      rows: [
        { row: 2, values: { code: "X1", name: "Xã Hòa An", parent: "T", level: "xa" }, issues: [] },
        { row: 3, values: { code: "X2", name: 'Phường "Đông" Hà; khu 1', parent: "T", level: "phuong" }, issues: [] },
      ],
    });
    expect(result.ok && result.rows[0].values.name).toBe("Xã Hòa An".normalize("NFC"));
  });

  it("takes the delimiter whose header names the expected columns (comma on a tie)", () => {
    expect(delimiterOf("code;name;parent;level\nA;x, y;;xa", COLUMNS)).toBe(";");
    expect(delimiterOf("code\tname\tparent\tlevel", COLUMNS)).toBe("\t");
    expect(delimiterOf("code,name;x,parent,level", COLUMNS)).toBe(",");
    expect(delimiterOf("ma;ten", COLUMNS)).toBe(",");
  });

  it("skips blank lines but keeps spreadsheet row numbers", async () => {
    const result = await readImportTable(utf8("code,name,parent,level\n\nA,a,,xa\n,,,\nB,b,,xa\n"), COLUMNS);
    expect(result.ok && result.rows.map((r) => [r.row, r.values.code])).toEqual([[3, "A"], [5, "B"]]);
  });

  it("refuses a missing column, a duplicate column, a file without rows", async () => {
    const missing = await readImportTable(utf8("code,name\nA,a\n"), COLUMNS);
    expect(!missing.ok && describeIssue(missing.error, "en")).toBe("missing columns: parent, level");
    const dup = await readImportTable(utf8("code,name,parent,level,Code\n"), COLUMNS);
    expect(!dup.ok && dup.error.key).toBe("duplicateColumn");
    const empty = await readImportTable(utf8("code,name,parent,level\n"), COLUMNS);
    expect(!empty.ok && empty.error.key).toBe("noRows");
  });

  it("decides the type by content: invalid UTF-8 or binary is not a CSV", async () => {
    const latin1 = Uint8Array.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xe0, 0xe1, 0x0a]);
    expect(await readImportTable(latin1, COLUMNS)).toEqual({ ok: false, error: { key: "notText" } });
    const nul = utf8("code,name,parent,level\nA\u0000,a,,xa\n");
    expect(await readImportTable(nul, COLUMNS)).toMatchObject({ ok: false, error: { key: "notText" } });
    const fakeZip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await readImportTable(fakeZip, COLUMNS)).toMatchObject({ ok: false, error: { key: "xlsxUnreadable" } });
  });

  it("refuses files that are neither UTF-8 text nor XLSX, whatever their name; an old .xls with a hint", async () => {
    const legacyXls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(detectKind(legacyXls)).toBe("xls");
    const xls = await readImportTable(legacyXls, COLUMNS);
    expect(xls).toEqual({ ok: false, error: { key: "xlsLegacy" } });
    expect(!xls.ok && describeIssue(xls.error, "vi")).toBe("Tệp phải là CSV (UTF-8) hoặc XLSX; tệp .xls cũ hãy lưu lại dạng .xlsx");
    const windows1258 = Uint8Array.from([0x58, 0xe3, 0x20, 0x48, 0xf2, 0x61]);
    expect(detectKind(windows1258)).toBe("binary");
    expect(await readImportTable(windows1258, COLUMNS)).toEqual({ ok: false, error: { key: "notText" } });
  });

  it("refuses files over 5 MB, more than 5.000 rows, and empty files", async () => {
    expect(await readImportTable(new Uint8Array(MAX_IMPORT_BYTES + 1), COLUMNS)).toMatchObject({ ok: false, error: { key: "fileTooLarge" } });
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `X${i},x,,xa`);
    const tooMany = await readImportTable(utf8(["code,name,parent,level", ...rows].join("\n")), COLUMNS);
    expect(tooMany).toEqual({ ok: false, error: { key: "tooManyRows", params: { max: 5000 } } });
    expect(!tooMany.ok && describeIssue(tooMany.error, "vi")).toBe("Tệp có quá 5.000 dòng dữ liệu");
    expect((await readImportTable(utf8(["code,name,parent,level", ...rows.slice(1)].join("\n")), COLUMNS)).ok).toBe(true);
    expect(await readImportTable(new Uint8Array(0), COLUMNS)).toMatchObject({ ok: false, error: { key: "fileEmpty" } });
  });

  it("reports a malformed CSV with its line", async () => {
    const result = await readImportTable(utf8('code,name,parent,level\nA,"open,,xa\n'), COLUMNS);
    expect(!result.ok && result.error).toMatchObject({ key: "csvMalformed", params: { line: 2 } });
  });

  it("reads the first XLSX sheet as text: rich text flattened, numbers as text, formulas never evaluated", async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(["code", "name", "parent", "level"]);
      ws.addRow(["X1", { richText: [{ text: "UBND " }, { text: "xã Tiên Du", font: { bold: true } }] }, "", "xa"]);
      ws.addRow([24, "Tỉnh Bắc Ninh", null, { formula: 'LOWER("TINH")', result: "tinh" }]);
      ws.addRow(["X2", { formula: 'CONCAT("Xã ","Hai")' }, "", "xa"]);
      ws.addRow(["X3", { error: "#REF!" }, "", "xa"]);
    });
    const result = await readImportTable(bytes, COLUMNS);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.rows.map((r) => r.values)).toEqual([
      { code: "X1", name: "UBND xã Tiên Du", parent: "", level: "xa" },
      { code: "24", name: "Tỉnh Bắc Ninh", parent: "", level: "tinh" },
      { code: "X2", name: "", parent: "", level: "xa" },
      { code: "X3", name: "", parent: "", level: "xa" },
    ]);
    expect(result.rows[2].issues).toEqual([{ key: "cellFormula", params: { column: "B4" } }]);
    expect(result.rows[3].issues).toEqual([{ key: "cellError", params: { column: "B5", value: "#REF!" } }]);
  });

  it("reads XLSX by content, using the saved value of formulas without evaluating them", async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(["code", "name", "parent", "level"]);
      ws.addRow(["X1", "Xã Hòa An", "T", "xa"]);
      ws.getCell("B3").value = { formula: 'HYPERLINK("http://ke-xau.example","Bấm vào đây")', result: "Phường Đông Hà" };
      ws.getCell("A3").value = "X2";
      ws.getCell("C3").value = "T";
      ws.getCell("D3").value = { formula: "1+1", result: 2 };
    });
    expect(detectKind(bytes)).toBe("xlsx");
    const result = await readImportTable(bytes, COLUMNS);
    expect(result.ok && result.rows.map((r) => r.values)).toEqual([
      { code: "X1", name: "Xã Hòa An", parent: "T", level: "xa" },
      { code: "X2", name: "Phường Đông Hà", parent: "T", level: "2" },
    ]);
  });

  it("turns other cell values into text", () => {
    expect(cellText(true, "A1")).toBe("TRUE");
    expect(cellText(new Date("2025-07-01T00:00:00Z"), "A1")).toBe("2025-07-01");
    expect(cellText({ text: "Sở Nội vụ", hyperlink: "https://example.gov.vn" }, "A1")).toBe("Sở Nội vụ");
    expect(cellText({ sharedFormula: "A1", result: 7 } as ExcelJS.CellValue, "B2")).toBe("7");
  });
});
