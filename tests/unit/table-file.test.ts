import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseTable } from "../../app/server/table-file.server";
import { detectKind, fileName } from "../../app/server/upload.server";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("uploaded tables", () => {
  it("reads UTF-8 CSV with a BOM, semicolons, quotes and decomposed diacritics", async () => {
    const nfd = "Xã Hòa An".normalize("NFD");
    const result = await parseTable(bytes(`\ufeffCode;Name;Parent;Level\r\nX1;${nfd};T;xa\r\nX2;"Phường ""Đông"" Hà; khu 1";T;phuong\r\n`));
    expect(result).toEqual({
      ok: true,
      rows: [
        { code: "X1", name: "Xã Hòa An", parent: "T", level: "xa" },
        { code: "X2", name: 'Phường "Đông" Hà; khu 1', parent: "T", level: "phuong" },
      ],
    });
  });

  it("reads XLSX by content, using the saved value of formulas without evaluating them", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Đơn vị");
    ws.addRow(["code", "name", "parent", "level"]);
    ws.addRow(["X1", "Xã Hòa An", "T", "xa"]);
    ws.getCell("B3").value = { formula: 'HYPERLINK("http://ke-xau.example","Bấm vào đây")', result: "Phường Đông Hà" };
    ws.getCell("A3").value = "X2";
    ws.getCell("C3").value = "T";
    ws.getCell("D3").value = { formula: "1+1", result: 2 };
    const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(detectKind(buffer)).toBe("xlsx");
    const result = await parseTable(buffer);
    expect(result).toEqual({
      ok: true,
      rows: [
        { code: "X1", name: "Xã Hòa An", parent: "T", level: "xa" },
        { code: "X2", name: "Phường Đông Hà", parent: "T", level: "2" },
      ],
    });
  });

  it("refuses files that are neither UTF-8 text nor XLSX, whatever their name", async () => {
    const legacyXls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await parseTable(legacyXls)).toEqual({ ok: false, errorKey: "console.upload.badType" });
    const windows1258 = new Uint8Array([0x58, 0xe3, 0x20, 0x48, 0xf2, 0x61]);
    expect(await parseTable(windows1258)).toEqual({ ok: false, errorKey: "console.upload.badType" });
    expect(await parseTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({ ok: false, errorKey: "console.upload.badType" });
  });

  it("keeps Vietnamese file names readable", () => {
    const asLatin1 = Buffer.from("đơn vị tỉnh.csv", "utf8").toString("latin1");
    expect(fileName(asLatin1)).toBe("đơn vị tỉnh.csv");
    expect(fileName("đơn vị tỉnh.csv".normalize("NFD"))).toBe("đơn vị tỉnh.csv");
    expect(fileName("../../etc/passwd")).toBe(".._.._etc_passwd");
  });
});
