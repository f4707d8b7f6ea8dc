import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// The exports read back: the workbook's numbers equal the API's, the CSV is what Excel and
// analysts expect, and both hold exactly the rows the query counts.

let app: TestApp;
let admin: string;
let analystX2: string;
const Q = "survey=sipas-2017&from=2026-03-01&to=2026-03-31";

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  admin = await createToken(app, "admin", null);
  analystX2 = await createToken(app, "analyst", "X2");
  const answers = [
    { tc1: 5, tc2: 4, tc5: 3, tc6: 4, "gioi-tinh": "nu", "y-kien": "Cần thêm ghế, chờ \"lâu\"" },
    { tc1: 4, tc5: 2, tc6: 5 },
    { tc1: 3, tc2: 3, tc5: 4, tc6: 4 },
    { tc1: 5, tc2: 5, tc6: 1 },
  ];
  const responses = [
    ...answers.map((a) => ({ unit: "X1", service: "1.001612", answers: a })),
    { unit: "X2", service: null, answers: { tc1: 1, tc5: 1 } },
  ].map((r, i) => ({ id: randomUUID(), survey: "sipas-2017", version: 1, channel: "paper", submittedAt: `2026-03-0${i + 2}T09:00:00+07:00`, dossier: `HS-${i}`, ...r }));
  const r = await api(app, "/api/v1/responses/batch", { method: "POST", token: admin, json: { responses } });
  expect(r.body.results.every((x: { status?: string }) => x.status === "created")).toBe(true);
});
afterAll(async () => app?.stop());

/** Enough CSV for one line: quoted fields with doubled quotes. */
function parseCsvLine(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, "").replace(/""/g, '"'));
}

const get = (path: string, token = admin) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe("XLSX export", () => {
  it("holds the API's figures in percent cells, with a title block and frozen headers", async () => {
    const summary = (await api(app, `/api/v1/reports/summary?${Q}`, { token: admin })).body;
    const res = await get(`/api/v1/reports/export.xlsx?${Q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Xếp hạng đơn vị", "Thủ tục", "Yếu tố và tiêu chí", "Phiếu trả lời", "Bảng mã"]);
    const sum = wb.getWorksheet("Tổng hợp")!;
    expect(sum.getCell("A2").value).toBe("Đơn vị");
    expect(String(sum.getCell("B2").value)).toContain("Tỉnh Thử Nghiệm");
    expect(String(sum.getCell("B4").value)).toBe("01/03/2026 – 31/03/2026");
    const figures = sum.getRow(9);
    expect(figures.getCell(1).value).toBeCloseTo(summary.index / 100, 12);
    expect(figures.getCell(1).numFmt).toBe("0.00%");
    expect(figures.getCell(4).value).toBe(summary.n);
    expect(sum.views[0]).toMatchObject({ state: "frozen", ySplit: 8 });

    const units = wb.getWorksheet("Xếp hạng đơn vị")!;
    expect(units.getRow(1).getCell(3).value).toBe("Tên đơn vị");
    // The screen's columns: change against the period before, and đạt/chưa đạt.
    expect((units.getRow(1).values as unknown[]).slice(8)).toEqual(["Thay đổi (điểm %)", "Chỉ tiêu", "Đạt chỉ tiêu", "Ít mẫu"]);
    const x1 = summary.units.find((u: { code: string }) => u.code === "X1");
    const x1Row = units.getRows(2, units.rowCount - 1)!.find((r) => r.getCell(2).value === "X1")!;
    expect(x1Row.getCell(4).value).toBeCloseTo(x1.index / 100, 12);
    expect(x1Row.getCell(7).value).toBe(x1.n);

    const elements = wb.getWorksheet("Yếu tố và tiêu chí")!;
    const byCode = new Map(elements.getRows(2, elements.rowCount - 1)!.map((r) => [r.getCell(2).value, r]));
    for (const e of summary.elements) {
      const cell = byCode.get(e.id)!.getCell(4).value;
      if (e.index === null) expect(cell).toBeNull();
      else expect(cell).toBeCloseTo(e.index / 100, 12);
    }
    const tc2 = summary.items.find((i: { id: string }) => i.id === "tc2");
    expect(byCode.get("tc2")!.getCell(7).value).toBe(tc2.valid);
    expect([9, 10, 11, 12, 13].map((c) => byCode.get("tc2")!.getCell(c).value)).toEqual([1, 2, 3, 4, 5].map((k) => tc2.distribution[k]));

    const raw = wb.getWorksheet("Phiếu trả lời")!;
    expect(raw.rowCount - 2).toBe(summary.n);
    expect(raw.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    // A second header row in Vietnamese under the codes.
    const labels = raw.getRow(2).values as unknown[];
    expect(labels).toContain("Ngày gửi");
    expect(labels.some((v) => typeof v === "string" && v.startsWith("Nơi ngồi chờ"))).toBe(true);
    const header = raw.getRow(1).values as unknown[];
    expect(header).not.toContain("dossier_hash");
    expect(header).not.toContain("kiosk_id");
    expect(wb.getWorksheet("Bảng mã")!.getRow(1).getCell(1).value).toBe("Mã câu hỏi");
  });
});

describe("CSV export", () => {
  it("is UTF-8 with BOM, codes not labels, one row per response", async () => {
    const res = await get(`/api/v1/reports/export.csv?${Q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split("\r\n");
    const header = lines[0].split(",");
    expect(header.slice(0, 7)).toEqual(["response_id", "version", "submitted_date", "unit", "service", "channel", "locale"]);
    expect(header).toContain("tc22");
    expect(header).toContain("gioi-tinh");
    expect(lines).toHaveLength(1 + 5);
    expect(Number(res.headers.get("x-row-count"))).toBe(5);
    const first = parseCsvLine(lines[1]);
    expect(first[header.indexOf("tc1")]).toBe("5");
    expect(first[header.indexOf("gioi-tinh")]).toBe("nu");
    expect(lines[1]).toContain('"Cần thêm ghế, chờ ""lâu"""');
    expect(text).not.toMatch(/HS-\d/);
  });

  it("writes each stored answer in its own column, and nothing else", async () => {
    const text = (await (await get(`/api/v1/reports/export.csv?${Q}`)).text()).replace(/^\uFEFF/, "");
    const [head, ...rows] = text.trimEnd().split("\r\n");
    const questions = head.split(",").slice(7);
    const stored = await app.t.db.selectFrom("answer").selectAll().execute();
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const cells = parseCsvLine(row);
      const written = Object.fromEntries(questions.map((q, i) => [q, cells[7 + i]]).filter(([, v]) => v !== ""));
      const expected = Object.fromEntries(stored.filter((a) => a.response_id === cells[0]).map((a) => [a.question_id, a.code === null ? a.text : String(a.code)]));
      expect(written).toEqual(expected);
    }
  });

  it("keeps to the caller's subtree and rejects bad input with the API error shape", async () => {
    const own = await get(`/api/v1/reports/export.csv?${Q}`, analystX2);
    expect((await own.text()).trimEnd().split("\r\n")).toHaveLength(2);
    expect((await get(`/api/v1/reports/export.csv?${Q}&unit=X1`, analystX2)).status).toBe(403);
    const bad = await get(`/api/v1/reports/export.xlsx?survey=sipas-2017&from=2026-04-01&to=2026-03-01`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid");
    expect((await fetch(`${app.url}/api/v1/reports/export.csv?${Q}`)).status).toBe(401);
  });

  it("ships a codebook of question and answer codes", async () => {
    const res = await get(`/api/v1/reports/export-codebook.csv?${Q}`);
    const text = (await res.text()).replace(/^\uFEFF/, "");
    expect(text.split("\r\n")[0]).toBe("question_id,type,section,code,label");
    expect(text).toContain("tc1,,,5,Rất hài lòng");
    expect(text).toContain("gioi-tinh,,,nu,Nữ");
  });
});
