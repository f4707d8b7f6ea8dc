import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { distributionBars, indexBars, trendLine } from "~/components/reports/chart-data";
import { CounterSection } from "~/components/reports/counter-section";
import { ReportHeadline } from "~/components/reports/report-bits";
import { I18nProvider } from "~/i18n/provider";
import { dossierScore, ratingShares, OVERALL_LEVELS } from "~/metrics/dossier";
import common from "../../public/locales/vi/common.json";
import reports from "../../public/locales/vi/reports.json";

// jsdom has no canvas: the charts are tested through the data they are given, and the
// numbers through the tables and headline that always accompany them.

const inVi = (ui: React.ReactNode) => render(<I18nProvider locale="vi" messages={{ ...common, ...reports }}>{ui}</I18nProvider>);

describe("chart data", () => {
  it("draws element indices as horizontal bars, 'no data' as a gap", () => {
    const spec = indexBars("Yếu tố", [{ label: "Tiếp cận", index: 70.8 }, { label: "Công chức", index: null }], "Chỉ số");
    expect(spec).toMatchObject({ kind: "bar", horizontal: true, labels: ["Tiếp cận", "Công chức"] });
    expect(spec.datasets[0].data).toEqual([70.8, null]);
  });

  it("stacks each item's answers as shares of its valid answers", () => {
    const spec = distributionBars("Tiêu chí", [{ label: "tc1", distribution: { 1: 0, 2: 1, 3: 1, 4: 1, 5: 1 } }, { label: "tc2", distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } }], ["1", "2", "3", "4", "5"]);
    expect(spec.datasets.map((d) => d.data[0])).toEqual([0, 25, 25, 25, 25]);
    expect(spec.datasets.map((d) => d.data[1])).toEqual([null, null, null, null, null]);
  });

  it("draws the trend with the target as a flat line", () => {
    const spec = trendLine("Diễn biến", [{ label: "01/2026", index: 80 }, { label: "02/2026", index: null }], "Chỉ số", 95, "Chỉ tiêu");
    expect(spec.datasets).toHaveLength(2);
    expect(spec.datasets[1].data).toEqual([95, 95]);
    expect(trendLine("x", [], "y", null, "z").datasets).toHaveLength(1);
  });
});

describe("report tables", () => {
  it("shows the headline in Vietnamese formats, with interval, target status and change", () => {
    inVi(
      <ReportHeadline
        data={{
          summary: { index: 83.7321, ci95: [81.2, 86.05], n: 1234, target: 80, meetsTarget: true, smallSample: false, period: { from: "2026-01-01", to: "2026-03-31" }, scope: { unit: "T", mapping: "as-was" } },
          change: { index: -0.5 },
        }}
      />,
    );
    expect(screen.getByTestId("report-index").textContent).toBe("83,73%");
    expect(screen.getByText(/81,20% – 86,05%/)).toBeTruthy();
    expect(screen.getByText("Đạt")).toBeTruthy();
    expect(screen.getByText(/−0,50 điểm %/)).toBeTruthy();
    expect(screen.getByText("1.234")).toBeTruthy();
  });

  it("lists the counter shares and the dossier score", () => {
    inVi(
      <CounterSection
        counter={{ levels: ratingShares(OVERALL_LEVELS, new Map([[1, 6], [2, 3], [3, 1]])), smiley: null, score: dossierScore(new Map([[18, 1], [13, 1]])), coverage: { dossiers: 1000, responses: 300, responseRate: 30, required: 286, reached: true, basis: "pro-rata-days" as const, units: [], services: [] }, complaints: null, qd766: 99.9 }}
      />,
    );
    expect(screen.getByRole("row", { name: /Không hài lòng/ }).textContent).toContain("10,00%");
    expect(screen.getByText(/15,50\/18/)).toBeTruthy();
    expect(screen.getByText(/286 — đã đạt/)).toBeTruthy();
    // No complaints imported: the QĐ 766 figure says it did not subtract any (not "0 subtracted").
    expect(screen.getByTestId("qd766-complaints").textContent).toBe("Chưa trừ hồ sơ có phản ánh, kiến nghị: chưa nhập số liệu này.");
  });

  it("says how many complaints QĐ 766 subtracted, and over how many dossiers they were reported", () => {
    const coverage = { dossiers: 1200, responses: 300, responseRate: 25, required: 300, reached: true, basis: "pro-rata-days" as const, units: [], services: [] };
    const { unmount } = inVi(<CounterSection counter={{ levels: null, smiley: null, score: null, coverage, complaints: { count: 0, dossiers: 1200 }, qd766: 99 }} />);
    expect(screen.getByTestId("qd766-complaints").textContent).toBe("Đã trừ 0 hồ sơ có phản ánh, kiến nghị.");
    unmount();
    inVi(<CounterSection counter={{ levels: null, smiley: null, score: null, coverage, complaints: { count: 1500, dossiers: 1000 }, qd766: 50 }} />);
    expect(screen.getByTestId("qd766-complaints").textContent).toBe("Đã trừ 1.500 hồ sơ có phản ánh, kiến nghị; số liệu này mới có cho 1.000 trên 1.200 hồ sơ.");
  });
});
