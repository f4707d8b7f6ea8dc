import { describe, expect, it } from "vitest";
import { csvField } from "../../app/survey/codebook";

// Issue 18 point 6: formula-looking text becomes text; numbers and plain text are unchanged.
describe("csvField", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+84 912", "'+84 912"],
    ["-x", "'-x"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", `"'\r=1"`],
    ['=HYPERLINK("a","b")', `"'=HYPERLINK(""a"",""b"")"`],
  ])("neutralises %j", (input, out) => expect(csvField(input)).toBe(out));

  it("writes numbers, plain text and empty cells as they are", () => {
    expect(csvField(-1)).toBe("-1");
    expect(csvField(4)).toBe("4");
    expect(csvField("Tốt, nhanh")).toBe('"Tốt, nhanh"');
    expect(csvField(null)).toBe("");
  });
});
