import { describe, expect, it } from "vitest";
import { shortLabel } from "../../app/components/reports/chart-data";

describe("criteria by short names on charts", () => {
  it("keeps short texts and cuts long ones at a word", () => {
    expect(shortLabel("Nơi ngồi chờ")).toBe("Nơi ngồi chờ");
    const long = "Nơi ngồi chờ tại Bộ phận tiếp nhận và trả kết quả có đủ chỗ ngồi.";
    const cut = shortLabel(long);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(43);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).not.toMatch(/\s…$/);
  });
});
