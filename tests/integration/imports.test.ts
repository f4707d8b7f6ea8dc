// Unit and service imports against a real database (once per dialect): all or nothing,
// parents in any order, cycles refused, updates, XLSX, audit; dossier counts through the same path.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDossierFile } from "../../app/server/import-dossiers.server";
import { describeIssue } from "../../app/server/import-issues.server";
import { importFile, type ImportReport } from "../../app/server/imports.server";
import { getUnitByCode } from "../../db/queries/units";
import { createTestDb, dialect, type TestDb } from "../support/test-db";

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
const UNITS = "code,name,parent,level";

async function snapshot(t: TestDb) {
  const units = await t.db.selectFrom("unit").selectAll().orderBy("code").execute();
  const closure = await t.db.selectFrom("unit_closure").selectAll().orderBy("ancestor_id").orderBy("descendant_id").execute();
  const services = await t.db.selectFrom("service").selectAll().orderBy("code").execute();
  const audit = await t.db.selectFrom("audit_log").selectAll().orderBy("id").execute();
  return { units, closure, services, audit };
}

const statuses = (r: ImportReport) => Object.fromEntries(r.rows.map((x) => [x.code, x.status]));

async function depthBetween(t: TestDb, ancestor: string, descendant: string): Promise<number | undefined> {
  const a = await getUnitByCode(t.db, ancestor);
  const d = await getUnitByCode(t.db, descendant);
  const row = await t.db
    .selectFrom("unit_closure")
    .select("depth")
    .where("ancestor_id", "=", a!.id)
    .where("descendant_id", "=", d!.id)
    .executeTakeFirst();
  return row?.depth;
}

describe(`imports [${dialect()}]`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t?.destroy());

  it("writes nothing when one row is bad, and names the row and the reason", async () => {
    const before = await snapshot(t);
    const report = await importFile(
      t.db,
      "units",
      csv([UNITS, "B1,Tỉnh Một,,tinh", "B2,Xã Hai,B1,xa", "B3,,B1,xa", "B4,Xã Bốn,B1,thon", "B5,Tổ Năm,B3,to-chuc-khac"]),
      { actor: "test" },
    );
    expect(report.committed).toBe(false);
    // B5's parent is the refused B3: B5 itself is fine (not an "unknown parent").
    expect(report.counts).toEqual({ added: 3, updated: 0, unchanged: 0, rejected: 2 });
    const rejected = report.rows.filter((r) => r.status === "rejected");
    expect(rejected.map((r) => [r.row, r.code, r.issues.map((i) => i.key)])).toEqual([
      [4, "B3", ["nameRequired"]],
      [5, "B4", ["levelInvalid"]],
    ]);
    expect(describeIssue(rejected[1].issues[0], "vi")).toContain('Cấp "thon" không hợp lệ');
    expect(await snapshot(t)).toEqual(before);
  });

  it("adds, then reports unchanged on a re-import; Vietnamese names are stored NFC", async () => {
    const decomposed = "UBND phường Võ Cường".normalize("NFD");
    const file = csv([UNITS, "G1,Tỉnh Bắc Ninh,,tinh", `G2,"${decomposed}",G1,phuong`, "G3,\"Sở Văn hóa, Thể thao và Du lịch\",G1,so"]);
    const first = await importFile(t.db, "units", file, { actor: "test" });
    expect(first.committed).toBe(true);
    expect(first.counts).toEqual({ added: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect((await getUnitByCode(t.db, "G2"))?.name).toBe("UBND phường Võ Cường".normalize("NFC"));
    expect((await getUnitByCode(t.db, "G3"))?.name).toBe("Sở Văn hóa, Thể thao và Du lịch");
    expect(await depthBetween(t, "G1", "G2")).toBe(1);
    const audit = await t.db.selectFrom("audit_log").selectAll().where("action", "=", "unit.import").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor).toBe("test");
    expect(JSON.parse(audit[0].after!)).toMatchObject({ added: ["G1", "G2", "G3"], updated: [] });

    const again = await importFile(t.db, "units", file, { actor: "test" });
    expect(again.counts).toEqual({ added: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await t.db.selectFrom("audit_log").selectAll().where("action", "=", "unit.import").execute()).toHaveLength(1);
  });

  it("updates names, levels and parents (the closure table follows)", async () => {
    await importFile(t.db, "units", csv([UNITS, "U1,Sở,G1,so", "U2,Phòng A,U1,phong", "U3,Tổ,U2,to-chuc-khac", "U4,Sở B,U1,so"]), { actor: "test" });
    const report = await importFile(t.db, "units", csv([UNITS, "U2,Phòng A (mới),U4,phong", "U4,Sở B,U1,so"]), { actor: "test" });
    expect(statuses(report)).toEqual({ U2: "updated", U4: "unchanged" });
    expect((await getUnitByCode(t.db, "U2"))?.name).toBe("Phòng A (mới)");
    expect(await depthBetween(t, "U4", "U3")).toBe(2);
    expect(await depthBetween(t, "U1", "U3")).toBe(3);
    const preview = await importFile(t.db, "units", csv([UNITS, "U3,Tổ,U2,ban"]), { actor: "test", dryRun: true });
    expect(statuses(preview)).toEqual({ U3: "updated" });
    expect(preview.committed).toBe(false);
    expect((await getUnitByCode(t.db, "U3"))?.level).toBe("to-chuc-khac");
  });

  it("accepts children listed before their parents", async () => {
    const report = await importFile(
      t.db,
      "units",
      csv([UNITS, "P4,Tổ 4,P3,to-chuc-khac", "P3,Phòng 3,P2,phong", "P2,Sở 2,P1,so", "P1,Sở 1,G1,so"]),
      { actor: "test" },
    );
    expect(report.committed).toBe(true);
    expect(report.rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(await depthBetween(t, "P1", "P4")).toBe(3);
  });

  it("rejects cycles, inside the file and through the database", async () => {
    const before = await snapshot(t);
    const inFile = await importFile(t.db, "units", csv([UNITS, "C1,Một,C2,so", "C2,Hai,C3,so", "C3,Ba,C1,so", "C4,Bốn,C1,so"]), { actor: "test" });
    expect(inFile.committed).toBe(false);
    expect(statuses(inFile)).toEqual({ C1: "rejected", C2: "rejected", C3: "rejected", C4: "added" });
    expect(describeIssue(inFile.rows[0].issues[0], "en")).toBe("parent links form a cycle: C1 → C2 → C3 → C1");

    // P1 → P2 → P3 exist; making P1 a child of P3 would close a loop.
    const viaDb = await importFile(t.db, "units", csv([UNITS, "P1,Sở 1,P3,so"]), { actor: "test" });
    expect(viaDb.rows[0]).toMatchObject({ row: 2, status: "rejected", issues: [{ key: "cycle" }] });
    const self = await importFile(t.db, "units", csv([UNITS, "S1,Tự thân,S1,so"]), { actor: "test" });
    expect(self.rows[0].issues.map((i) => i.key)).toEqual(["parentSelf"]);
    expect(await snapshot(t)).toEqual(before);
  });

  it("rejects unknown parents, bad codes and duplicate codes", async () => {
    const report = await importFile(
      t.db,
      "units",
      csv([UNITS, "D1,Một,NOPE,xa", "mã sai,Hai,,xa", "D3,Ba,G1,xa", "D3,Ba lần hai,G1,xa", `D5,${"x".repeat(301)},,xa`]),
      { actor: "test" },
    );
    expect(report.rows.map((r) => [r.row, r.status, r.issues.map((i) => i.key).join()])).toEqual([
      [2, "rejected", "parentUnknown"],
      [3, "rejected", "codeInvalid"],
      [4, "added", ""],
      [5, "rejected", "duplicateCode"],
      [6, "rejected", "nameTooLong"],
    ]);
    expect(describeIssue(report.rows[3].issues[0], "vi")).toBe("Mã D3 trùng với dòng 4");
    expect(await getUnitByCode(t.db, "D3")).toBeUndefined();
  });

  it("imports an XLSX file: first sheet, Vietnamese text, cached formula results, formulas never run", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Đơn vị");
    ws.addRow(["Code", "Name", "Parent", "Level"]);
    ws.addRow(["X1", "Sở Nội vụ", "G1", "so"]);
    ws.addRow(["X2", { richText: [{ text: "UBND phường " }, { text: "Kinh Bắc" }] }, "X1", { formula: 'LOWER("PHUONG")', result: "phuong" }]);
    ws.addRow(["X3", "Xã Tiên Du", "X1", "xa"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const ok = await importFile(t.db, "units", bytes, { actor: "test" });
    expect(ok.committed).toBe(true);
    expect((await getUnitByCode(t.db, "X2"))).toMatchObject({ name: "UBND phường Kinh Bắc", level: "phuong" });

    // A formula without a cached value is refused (it is never evaluated), and nothing is written.
    const wb2 = new ExcelJS.Workbook();
    const ws2 = wb2.addWorksheet("Sheet1");
    ws2.addRow(["code", "name", "parent", "level"]);
    ws2.addRow(["X4", "Xã Bốn", "X1", "xa"]);
    ws2.addRow(["X5", { formula: 'HYPERLINK("http://example.invalid","Xã Năm")' }, "X1", "xa"]);
    const bad = await importFile(t.db, "units", new Uint8Array(await wb2.xlsx.writeBuffer()), { actor: "test" });
    expect(bad.committed).toBe(false);
    expect(bad.rows.find((r) => r.code === "X5")).toMatchObject({ row: 3, status: "rejected" });
    expect(bad.rows.find((r) => r.code === "X5")!.issues.map((i) => i.key)).toContain("cellFormula");
    expect(await getUnitByCode(t.db, "X4")).toBeUndefined();
  });

  it("refuses a second root unit: the province has one (G1), every other unit needs a parent", async () => {
    const before = await snapshot(t);
    const report = await importFile(t.db, "units", csv([UNITS, "R1,Tỉnh Hai,,tinh", "R2,Xã Hai,R1,xa"]), { actor: "test" });
    expect(report.committed).toBe(false);
    expect(report.rows[0]).toMatchObject({ code: "R1", status: "rejected", issues: [{ key: "secondRoot", params: { root: "G1" } }] });
    expect(describeIssue(report.rows[0].issues[0], "vi")).toBe("Tỉnh đã có đơn vị gốc G1: hãy ghi đơn vị cấp trên");
    expect(await snapshot(t)).toEqual(before);
    // The root itself may be re-imported (renamed) without a parent.
    const rename = await importFile(t.db, "units", csv([UNITS, "G1,Tỉnh Bắc Ninh,,tinh"]), { actor: "test", dryRun: true });
    expect(rename.rows[0].status).toBe("unchanged");
  });

  it("reports a bad file as a whole", async () => {
    const report = await importFile(t.db, "units", csv(["code,name,level", "Z1,Z,xa"]), { actor: "test" });
    expect(report.fileError).toEqual({ key: "missingColumns", params: { columns: "parent" } });
    expect(report.committed).toBe(false);
  });

  it("imports services: add, unchanged, update, bad level", async () => {
    const header = "code,name,field,level";
    const first = await importFile(
      t.db,
      "services",
      csv([header, "1.001193,Đăng ký khai sinh,Hộ tịch,xa", '2.000815,"Chứng thực bản sao từ bản chính giấy tờ, văn bản",Chứng thực,xa']),
      { actor: "test" },
    );
    expect(first.counts).toMatchObject({ added: 2, rejected: 0 });
    const second = await importFile(
      t.db,
      "services",
      csv([header, "1.001193,Đăng ký khai sinh,Hộ tịch,XA", "2.000815,Chứng thực bản sao,Chứng thực,xa", "3.000333,Cấp Phiếu lý lịch tư pháp số 1,Lý lịch tư pháp,tinh"]),
      { actor: "test" },
    );
    expect(statuses(second)).toEqual({ "1.001193": "unchanged", "2.000815": "updated", "3.000333": "added" });
    const bad = await importFile(t.db, "services", csv([header, "9.9,Thủ tục,,huyen"]), { actor: "test" });
    expect(bad.rows[0].issues.map((i) => i.key)).toEqual(["fieldRequired", "levelInvalid"]);
    const services = await t.db.selectFrom("service").select(["code", "name"]).orderBy("code").execute();
    expect(services.map((s) => s.code)).toEqual(["1.001193", "2.000815", "3.000333"]);
    expect(services[1].name).toBe("Chứng thực bản sao");
  });

  it("imports dossier counts all or nothing: unknown unit or service, bad month or count, repeated triple", async () => {
    await importFile(t.db, "services", csv(["code,name,field,level", "4.000001,Thủ tục bốn,Hộ tịch,xa"]), { actor: "test" });
    const header = "unit,service,month,count";
    const audits = (await snapshot(t)).audit;
    const bad = await importDossierFile(
      t.db,
      csv([header, "G1,4.000001,2026-03,10", "NOPE,4.000001,2026-03,1", "G1,9.9,2026-03,1", "G1,4.000001,2026-3,1", "G1,4.000001,2026-04,-1", "G1,4.000001,2026-03,11"]),
      { actor: "test" },
    );
    expect(bad.committed).toBe(false);
    expect(bad.rows.map((r) => [r.row, r.status, r.issues.map((i) => i.key).join()])).toEqual([
      [2, "added", ""],
      [3, "rejected", "unitUnknown"],
      [4, "rejected", "serviceUnknown"],
      [5, "rejected", "monthInvalid"],
      [6, "rejected", "countInvalid"],
      [7, "rejected", "duplicateCode"],
    ]);
    expect(describeIssue(bad.rows[1].issues[0], "vi")).toBe('Không có đơn vị với mã "NOPE"');
    expect(await t.db.selectFrom("dossier_count").selectAll().execute()).toEqual([]);
    expect((await snapshot(t)).audit).toEqual(audits);

    const file = csv([header, "G1,4.000001,2026-03,10", "G2,4.000001,2026-03,0"]);
    expect((await importDossierFile(t.db, file, { actor: "test", dryRun: true })).counts).toMatchObject({ added: 2, rejected: 0 });
    expect(await t.db.selectFrom("dossier_count").selectAll().execute()).toEqual([]);
    const first = await importDossierFile(t.db, file, { actor: "test" });
    expect(first).toMatchObject({ committed: true, counts: { added: 2, updated: 0, unchanged: 0, rejected: 0 } });
    const audit = await t.db.selectFrom("audit_log").selectAll().where("action", "=", "dossier-count.import").execute();
    expect(audit.map((a) => JSON.parse(a.after!))).toEqual([{ added: ["G1/4.000001/2026-03", "G2/4.000001/2026-03"], updated: [], unchanged: 0 }]);
    const again = await importDossierFile(t.db, csv([header, "G1,4.000001,2026-03,12", "G2,4.000001,2026-03,0"]), { actor: "test" });
    expect(statuses(again)).toEqual({ "G1/4.000001/2026-03": "updated", "G2/4.000001/2026-03": "unchanged" });
    expect((await t.db.selectFrom("dossier_count").select("count").orderBy("count").execute()).map((r) => r.count)).toEqual([0, 12]);
  });
});
