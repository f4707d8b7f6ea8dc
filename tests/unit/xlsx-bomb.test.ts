import ExcelJS from "exceljs";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { describeIssue } from "../../app/server/import-issues.server";
import { MAX_XLSX_ENTRIES, readImportTable } from "../../app/server/import-table.server";
import { checkZipDirectory, readZipDirectory } from "../../app/server/zip-directory.server";

// XLSX bombs (issue 18 point 10): the zip directory is checked before anything is inflated,
// only the first sheet is read, and reading stops once the row limit is passed.

const COLUMNS = ["code", "name", "parent", "level"];
const MB = 1024 * 1024;

type Part = { name: string; data: Uint8Array; size: number; method: 0 | 8 };

/** A zip written by hand, so its directory can declare what a test needs (CRCs left 0: never checked here). */
function zip(parts: Part[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(part.data));
    centrals.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("zip directory", () => {
  it("lists the parts of a real XLSX with their declared sizes", async () => {
    const bytes = await workbook((wb) => wb.addWorksheet("Đơn vị").addRow(["code"]));
    const directory = readZipDirectory(bytes);
    if (!directory.ok) throw new Error(directory.detail);
    const sheet = directory.entries.find((e) => e.name === "xl/worksheets/sheet1.xml");
    expect(sheet?.uncompressedSize).toBeGreaterThan(0);
    expect(checkZipDirectory(bytes, { inflated: 50 * MB, entries: 1000 })).toEqual({ ok: true });
  });

  it("refuses a real deflate bomb from its directory: 64 MB of zeros in a few KB", () => {
    const zeros = Buffer.alloc(64 * MB);
    const data = deflateRawSync(zeros, { level: 9 });
    expect(data.length).toBeLessThan(100 * 1024);
    const bomb = zip([{ name: "xl/worksheets/sheet1.xml", data, size: zeros.length, method: 8 }]);
    expect(checkZipDirectory(bomb, { inflated: 50 * MB, entries: 1000 })).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("adds the parts up and counts them, and refuses a damaged or ZIP64 directory", () => {
    const part = (name: string, size: number): Part => ({ name, data: new Uint8Array(1), size, method: 8 });
    expect(checkZipDirectory(zip([part("a", 30 * MB), part("b", 30 * MB)]), { inflated: 50 * MB, entries: 10 })).toMatchObject({ reason: "tooLarge" });
    expect(checkZipDirectory(zip([part("a", 1), part("b", 1), part("c", 1)]), { inflated: MB, entries: 2 })).toMatchObject({ reason: "tooManyEntries" });
    expect(checkZipDirectory(zip([part("a", 0xffffffff)]), { inflated: MB, entries: 2 })).toMatchObject({ reason: "unreadable" });
    const truncated = zip([part("a", 1)]).slice(0, -10);
    expect(checkZipDirectory(truncated, { inflated: MB, entries: 2 })).toMatchObject({ reason: "unreadable" });
  });
});

describe("XLSX import limits", () => {
  it("refuses a 1.5 GB declared sheet with a localized reason, never inflating it", async () => {
    // The data is no valid deflate stream: had anything inflated it, the reason would be "unreadable".
    const bomb = zip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(1500), size: 1500 * MB, method: 8 }]);
    const result = await readImportTable(bomb, COLUMNS);
    expect(result).toEqual({ ok: false, error: { key: "xlsxTooLarge", params: { max: 50 } } });
    expect(!result.ok && describeIssue(result.error, "vi")).toBe("Tệp XLSX khi giải nén vượt quá 50 MB; hãy chỉ giữ dữ liệu cần nhập");
  });

  it("refuses an XLSX with an absurd number of parts", async () => {
    const parts = Array.from({ length: MAX_XLSX_ENTRIES + 1 }, (_, i): Part => ({ name: `p${i}`, data: new Uint8Array(0), size: 0, method: 0 }));
    const result = await readImportTable(zip(parts), COLUMNS);
    expect(result).toEqual({ ok: false, error: { key: "xlsxTooManyEntries", params: { max: MAX_XLSX_ENTRIES } } });
  });

  it("refuses more rows than the limit while streaming, with the row-limit reason", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("Đơn vị");
      ws.addRow(COLUMNS);
      for (let i = 1; i <= 30; i++) ws.addRow([`X${i}`, `Xã ${i}`, "", "xa"]);
    });
    const result = await readImportTable(bytes, COLUMNS, [], { bytes: MB, rows: 10 });
    expect(result).toEqual({ ok: false, error: { key: "tooManyRows", params: { max: 10 } } });
    expect((await readImportTable(bytes, COLUMNS, [], { bytes: MB, rows: 30 })).ok).toBe(true);
  });

  it("reads only the first worksheet", async () => {
    const bytes = await workbook((wb) => {
      const first = wb.addWorksheet("Đơn vị");
      first.addRow(COLUMNS);
      first.addRow(["X1", "Xã Một", "", "xa"]);
      const second = wb.addWorksheet("Ghi chú");
      second.addRow(COLUMNS);
      for (let i = 1; i <= 50; i++) second.addRow([`Y${i}`, "khác", "", "xa"]);
    });
    const result = await readImportTable(bytes, COLUMNS, [], { bytes: MB, rows: 5 });
    expect(result.ok && result.rows.map((r) => r.values.code)).toEqual(["X1"]);
  });
});
