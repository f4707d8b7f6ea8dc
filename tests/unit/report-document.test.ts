import { describe, expect, it } from "vitest";
import { themeCounts, themesOf } from "~/documents/comment-themes";
import type { Block, ReportDocument } from "~/documents/document-model";
import { comparisonPeriod, periodLabel, periodTemplate } from "~/documents/period-template";
import { buildReportDocument } from "~/documents/report-content";
import type { DocumentInput, DocumentSummary } from "~/documents/report-input";
import { translator } from "~/i18n/i18n.server";
import { formatDate } from "~/metrics/format";
import { fontRuns } from "~/server/pdf-fonts.server";

const t = translator("vi");

describe("period templates", () => {
  it("recognises month, quarter, 6 months, 9 months and year from the dates", () => {
    expect(periodTemplate("2026-03-01", "2026-03-31")).toEqual({ kind: "month", year: 2026, part: 3 });
    expect(periodTemplate("2026-04-01", "2026-06-30")).toEqual({ kind: "quarter", year: 2026, part: 2 });
    expect(periodTemplate("2026-07-01", "2026-12-31")).toEqual({ kind: "half", year: 2026, part: 2 });
    expect(periodTemplate("2026-01-01", "2026-09-30")).toEqual({ kind: "nine", year: 2026 });
    expect(periodTemplate("2026-01-01", "2026-12-31")).toEqual({ kind: "year", year: 2026 });
    expect(periodTemplate("2026-03-05", "2026-03-20")).toEqual({ kind: "custom", from: "2026-03-05", to: "2026-03-20" });
    expect(periodTemplate("2026-05-01", "2026-06-15", { name: "2026-1" })).toMatchObject({ kind: "round", name: "2026-1" });
  });

  it("compares with the previous period of the same length (9 months: the same months a year before)", () => {
    expect(comparisonPeriod(periodTemplate("2026-01-01", "2026-12-31"))).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(comparisonPeriod(periodTemplate("2026-01-01", "2026-03-31"))).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(comparisonPeriod(periodTemplate("2026-01-01", "2026-06-30"))).toEqual({ from: "2025-07-01", to: "2025-12-31" });
    expect(comparisonPeriod(periodTemplate("2026-01-01", "2026-09-30"))).toEqual({ from: "2025-01-01", to: "2025-09-30" });
    expect(comparisonPeriod(periodTemplate("2026-03-01", "2026-03-31"))).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(comparisonPeriod(periodTemplate("2026-03-05", "2026-03-20"))).toEqual({ from: "2026-02-17", to: "2026-03-04" });
  });

  it("names the period the way Vietnamese reports do", () => {
    const name = (from: string, to: string) => {
      const l = periodLabel(periodTemplate(from, to), formatDate);
      return t(l.key, l.values);
    };
    expect(name("2026-04-01", "2026-06-30")).toBe("quý II năm 2026");
    expect(name("2026-01-01", "2026-06-30")).toBe("6 tháng đầu năm 2026");
    expect(name("2026-01-01", "2026-09-30")).toBe("9 tháng đầu năm 2026");
    expect(name("2026-01-01", "2026-12-31")).toBe("năm 2026");
    expect(name("2026-03-01", "2026-03-31")).toBe("tháng 3 năm 2026");
    expect(name("2026-03-05", "2026-03-20")).toBe("từ ngày 05/03/2026 đến ngày 20/03/2026");
  });
});

describe("comment themes", () => {
  it("sorts comments by keywords, marks optional, whole words only", () => {
    expect(themesOf("Cán bộ thái độ chưa nhiệt tình, phải chờ lâu")).toEqual(["time", "attitude"]);
    expect(themesOf("can them ghe cho ngoi")).toEqual(["facilities"]);
    expect(themesOf("phía trước")).toEqual(["other"]);
    expect(themeCounts(["chờ lâu", "thủ tục rườm rà", "chậm", "xyz"])).toEqual([
      { theme: "time", count: 2 },
      { theme: "procedure", count: 1 },
      { theme: "other", count: 1 },
    ]);
  });
});

describe("PDF font runs", () => {
  it("cuts Vietnamese text into runs each Tinos subset file can draw", () => {
    expect(fontRuns("Việt Nam")).toEqual([
      { subset: "latin", text: "Vi" },
      { subset: "vietnamese", text: "ệ" },
      { subset: "latin", text: "t Nam" },
    ]);
    // Decomposed input is composed first: "ệ" as e + two marks is one letter.
    expect(fontRuns("Vie\u0323\u0302t").map((r) => r.text).join("")).toBe("Việt");
    expect(fontRuns("Đà").map((r) => r.subset)).toEqual(["vietnamese", "latin"]);
  });
});

const el = (id: string, index: number | null, n: number) => ({ id, index, n, ci95: index === null ? null : ([index - 1, index + 1] as [number, number]), target: 80, meetsTarget: index === null ? null : index >= 80 });
const unit = (code: string, index: number | null, n: number, rank: number | null) => ({ code, name: `Đơn vị ${code}`, index, n, rank, smallSample: n < 30, ci95: null, target: 80, meetsTarget: index === null ? null : index >= 80 });

function input(over: Partial<DocumentSummary> = {}): DocumentInput {
  const summary = {
    survey: "sipas-2017",
    period: { from: "2026-01-01", to: "2026-12-31" },
    scope: { unit: "P", service: null, channel: null, mapping: "as-was" },
    method: { aggregation: "mean-of-items", parentAggregation: "pooled", interval: { items: "wilson", composite: "respondent-bootstrap", replicates: 1000, seed: 1, sampled: 100 } },
    n: 1300,
    index: 83.7351,
    ci95: [82.1, 85.3],
    target: 80,
    targetScope: "overall",
    meetsTarget: true,
    smallSample: false,
    aspects: [],
    elements: [el("e1", 83.7351, 1300), el("e2", null, 0)],
    items: [{ id: "q1", index: 90.125, valid: 1200, satisfied: 1081, ci95: [88.3, 91.7], distribution: { 1: 0, 2: 0, 3: 119, 4: 500, 5: 581 } }],
    units: [unit("A", 91.5, 400, 1), unit("B", 85, 300, 2), unit("C", 85, 300, 2), unit("D", 70, 10, null)],
    services: [],
    counter: null,
    ...over,
  } as unknown as DocumentSummary;
  return {
    summary,
    previous: { period: { from: "2025-01-01", to: "2025-12-31" }, index: 81.5, units: [{ code: "A", index: 90 }] },
    trend: [{ month: "2026-12", index: 83.7351, n: 1300 }],
    titles: { e1: "Tiếp cận dịch vụ", e2: "Thủ tục hành chính", q1: "Nơi ngồi chờ" },
    elements: [{ id: "e1", items: ["q1"] }, { id: "e2", items: [] }],
    survey: { title: "SIPAS 2017", version: 1, source: null },
    unitName: "Tỉnh Bắc Ninh",
    settings: { parentBody: "UBND tỉnh Bắc Ninh", issuer: "Sở Nội vụ", shortCode: "SNV", place: "Bắc Ninh", signerTitle: "Giám đốc", signerName: "Nguyễn Văn A", recipients: ["UBND tỉnh", "Lưu: VT"] },
    comments: { total: 2, themes: [{ theme: "time", count: 2 }] },
    period: periodTemplate("2026-01-01", "2026-12-31"),
    today: "2026-12-08",
  };
}

const text = (d: ReportDocument) => [d.title, d.subtitle, ...d.blocks.flatMap((b) => (b.kind === "table" ? [b.caption, ...b.rows.flat()] : b.kind === "chart" ? [b.caption] : [b.text]))].join("\n");
const table = (d: ReportDocument, caption: string) => d.blocks.find((b): b is Extract<Block, { kind: "table" }> => b.kind === "table" && b.caption.startsWith(caption))!;

describe("report document content", () => {
  it("has the NĐ 30 header and the sections in the issue's order", () => {
    const d = buildReportDocument(input(), t);
    expect(d.header).toMatchObject({ parentBody: "UBND TỈNH BẮC NINH", issuer: "SỞ NỘI VỤ", number: `Số:${"\u00a0".repeat(8)}/BC-SNV`, motto: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], placeDate: "Bắc Ninh, ngày 08 tháng 12 năm 2026" });
    expect(d.subtitle).toContain("Tỉnh Bắc Ninh, năm 2026");
    const headings = d.blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text.split(" ")[0]);
    expect(headings).toEqual(["I.", "II.", "III.", "1.", "2.", "3.", "4.", "5.", "6.", "IV."]);
    expect(d.signer).toEqual({ title: "GIÁM ĐỐC", name: "Nguyễn Văn A" });
    expect(buildReportDocument({ ...input(), today: "2026-03-05" }, t).header.placeDate).toBe("Bắc Ninh, ngày 05 tháng 3 năm 2026");
    expect(buildReportDocument({ ...input(), today: "2026-02-15" }, t).header.placeDate).toBe("Bắc Ninh, ngày 15 tháng 02 năm 2026");
  });

  it("prints the summary's values in Vietnamese format at 2 decimals, with the change and target", () => {
    const all = text(buildReportDocument(input(), t));
    expect(all).toContain("Chỉ số hài lòng chung đạt 83,74% (khoảng tin cậy 95%: 82,10% – 85,30%), trên 1.300 phiếu.");
    expect(all).toContain("Kết quả đạt chỉ tiêu 80,00%.");
    expect(all).toContain("81,50%), chỉ số thay đổi +2,24 điểm phần trăm.");
    expect(table(buildReportDocument(input(), t), "Bảng 3").rows).toEqual([
      ["Tiếp cận dịch vụ", "", "", ""],
      ["Nơi ngồi chờ", "90,13%", "88,30% – 91,70%", "1.200"],
      ["Thủ tục hành chính", "", "", ""],
    ]);
  });

  it("shows ties as ties, small samples unranked, and a missing element as no data (never 0%)", () => {
    const d = buildReportDocument(input(), t);
    expect(table(d, "Bảng 4").rows.map((r) => [r[0], r[2], r[5]])).toEqual([
      ["1", "91,50%", "+1,50"],
      ["2 (đồng hạng)", "85,00%", "—"],
      ["2 (đồng hạng)", "85,00%", "—"],
      ["—", "70,00% (ít mẫu)", "—"],
    ]);
    expect(table(d, "Bảng 2").rows[1]).toEqual(["Thủ tục hành chính", "chưa có số liệu", "—", "0", "—"]);
  });

  it("uses the summary's own change, interval and indicators when the summary has them", () => {
    const withThin = input().summary.units.map((u, i) => ({ ...u, thin: i === 0 }));
    const d = buildReportDocument(input({ units: withThin, change: { delta: 2.2351, ci95: [0.5, 4], significant: true }, indicators: [{ id: "ti-le", n: 800, options: [{ id: "dung-han", count: 777, share: 97.125, ci95: [96, 98] }], units: [] }] }), t);
    const all = text(d);
    expect(all).toContain("+2,24 điểm phần trăm; mức thay đổi có ý nghĩa thống kê.");
    expect(all).toContain("Khoảng tin cậy 95% của mức thay đổi: +0,50 đến +4,00 điểm phần trăm.");
    expect(table(d, "Bảng 4").rows[0][2]).toBe("91,50% (cần thận trọng)");
    expect(table(d, "Bảng 6").rows).toEqual([["ti-le — dung-han", "97,13%", "96,00% – 98,00%"]]);
  });

  it("marks thin parts, names a design break, and lists the health forms' share who would return", () => {
    const base = input();
    const d = buildReportDocument(
      input({
        elements: [{ ...base.summary.elements[0], n: 20, smallSample: true }, base.summary.elements[1]],
        designBreak: true,
        method: { ...base.summary.method, modelVersion: 2 },
        wouldReturn: { n: 40, count: 30, share: 75, ci95: [60.1, 85.8] },
      } as never),
      t,
    );
    expect(table(d, "Bảng 2").rows[0][1]).toBe("83,74% (ít mẫu)");
    expect(text(d)).toContain("chỉ số chung tính theo mô hình của phiên bản 2");
    expect(table(d, "Bảng 6").rows).toEqual([["Tỷ lệ người sẽ quay lại hoặc giới thiệu", "75,00%", "60,10% – 85,80%"]]);
  });

  it("says there is no data for a period without responses, with no percentage and no chart", () => {
    const empty = input({ n: 0, index: null, ci95: null, meetsTarget: null, elements: [], items: [], units: [] });
    const d = buildReportDocument({ ...empty, previous: null, trend: [], comments: { total: 0, themes: [] } }, t);
    const all = text(d);
    expect(all).toContain("chưa có phiếu khảo sát nào");
    expect(all).not.toMatch(/\d%/);
    expect(d.blocks.some((b) => b.kind === "chart" || b.kind === "table")).toBe(false);
  });
});
