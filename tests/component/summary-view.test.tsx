import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SummaryView, type SummaryViewData } from "~/components/summary-view";
import { I18nProvider } from "~/i18n/provider";
import vi from "../../public/locales/vi/common.json";
import en from "../../public/locales/en/common.json";

const data: SummaryViewData = {
  period: { from: "2026-01-01", to: "2026-03-31" },
  n: 1234,
  index: 62.5,
  target: 80,
  meetsTarget: false,
  method: { aggregation: "mean-of-items" },
  elements: [
    { id: "tiep-can", title: "Tiếp cận dịch vụ", index: 70.83333, n: 1200 },
    { id: "cong-chuc", title: "Công chức", index: null, n: 0 },
  ],
  units: [
    { code: "X1", name: "Xã Hòa An", index: 91.2, n: 400, rank: 1, smallSample: false },
    { code: "X2", name: "Phường Đông Hà", index: 99, n: 12, rank: null, smallSample: true },
  ],
};

function renderIn(locale: "vi" | "en") {
  return render(
    <I18nProvider locale={locale} messages={locale === "vi" ? vi : en}>
      <SummaryView data={data} />
    </I18nProvider>,
  );
}

describe("SummaryView", () => {
  it("shows Vietnamese number and date formats", () => {
    renderIn("vi");
    expect(screen.getByTestId("overall-index").textContent).toBe("62,50%");
    expect(screen.getByText("1.234")).toBeTruthy();
    expect(screen.getByText("01/01/2026 – 31/03/2026")).toBeTruthy();
    expect(screen.getByText(/Chưa đạt chỉ tiêu/)).toBeTruthy();
  });

  it("says 'no data' instead of 0% and marks small samples without ranking them", () => {
    renderIn("vi");
    const congChuc = screen.getByRole("row", { name: /Công chức/ });
    expect(within(congChuc).getByText("Chưa có dữ liệu")).toBeTruthy();
    const small = screen.getByRole("row", { name: /Phường Đông Hà/ });
    expect(within(small).getByText("—")).toBeTruthy();
    expect(within(small).getByText(/ít mẫu/)).toBeTruthy();
  });

  it("uses table headers so screen readers can navigate the figures", () => {
    renderIn("vi");
    expect(screen.getAllByRole("columnheader", { name: "Chỉ số hài lòng" })).toHaveLength(2);
    expect(screen.getByRole("rowheader", { name: "Xã Hòa An" })).toBeTruthy();
  });

  it("switches to English wording and separators", () => {
    renderIn("en");
    expect(screen.getByTestId("overall-index").textContent).toBe("62.50%");
    expect(screen.getByText("1,234")).toBeTruthy();
    expect(screen.getByText(/Target not met/)).toBeTruthy();
  });
});
