import { describe, expect, it } from "vitest";
import { foldAnswers, unfoldAnswers } from "../../app/survey/folded-answers";
import { FIXTURE_SURVEY } from "../support/form-fixture";

describe("folded answers", () => {
  it("folds exportable answers in questionnaire order and unfolds them back", () => {
    const folded = foldAnswers(FIXTURE_SURVEY, { "y-kien": "Tốt", "so-lan": 2.5, "muc-do": 4, kenh: ["bao", "mang"], "dung-hen": "yes" });
    expect(folded).toBe("muc-do\x1e4\x1fso-lan\x1e2.5\x1fkenh\x1e\x1dbao;mang\x1fdung-hen\x1e\x1dyes\x1fy-kien\x1e\x1dTốt");
    expect(Object.fromEntries(unfoldAnswers(folded))).toEqual({ "muc-do": 4, "so-lan": 2.5, kenh: "bao;mang", "dung-hen": "yes", "y-kien": "Tốt" });
  });

  it("leaves out personal text and consent ticks", () => {
    const folded = foldAnswers(FIXTURE_SURVEY, { "muc-do": 5, "dong-y": "yes", "dien-thoai": "0912345678" });
    expect(folded).toBe("muc-do\x1e5");
  });

  it("turns separator characters inside a text into spaces, keeps commas, quotes and line breaks", () => {
    const folded = foldAnswers(FIXTURE_SURVEY, { "y-kien": 'a\x1fb\x1ec\x1dd, "e"\r\nf' });
    expect(unfoldAnswers(folded).get("y-kien")).toBe('a b c d, "e"\r\nf');
  });

  it("folds nothing to an empty string, and an empty string unfolds to no answers", () => {
    expect(foldAnswers(FIXTURE_SURVEY, {})).toBe("");
    expect(unfoldAnswers("").size).toBe(0);
  });
});
