import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { knownAnswers, withoutKnown } from "../../app/survey/known-answers";
import type { SurveyDefinition } from "../../app/survey/types";

const sipas: SurveyDefinition = JSON.parse(fs.readFileSync("survey-definitions/sipas-2017.json", "utf8"));

describe("answers a form link already knows", () => {
  it("maps the procedure's field to its option and the unit's level to the government level", () => {
    expect(knownAnswers(sipas, { serviceField: "Hộ tịch", unitLevel: "phuong" })).toEqual({ "linh-vuc": "ho-tich", "cap-chinh-quyen": "xa" });
    expect(knownAnswers(sipas, { serviceField: "đăng ký kinh doanh", unitLevel: "so" })).toEqual({ "linh-vuc": "dang-ky-kinh-doanh", "cap-chinh-quyen": "tinh" });
    expect(knownAnswers(sipas, { serviceField: "dat-dai", unitLevel: "tinh" })).toEqual({ "linh-vuc": "dat-dai", "cap-chinh-quyen": "tinh" });
  });

  it("leaves a question to the citizen when the link's value matches no option", () => {
    expect(knownAnswers(sipas, { serviceField: "Y tế", unitLevel: "huyen" })).toEqual({});
    expect(knownAnswers(sipas, { serviceField: null, unitLevel: "xa" })).toEqual({ "cap-chinh-quyen": "xa" });
  });

  it("takes known questions out of the form shown, and a section they empty", () => {
    const both = withoutKnown(sipas, { "linh-vuc": "ho-tich", "cap-chinh-quyen": "xa" });
    expect(both.sections.map((s) => s.id)).toEqual(sipas.sections.slice(1).map((s) => s.id));
    const one = withoutKnown(sipas, { "cap-chinh-quyen": "xa" });
    expect(one.sections[0].questions.map((q) => q.id)).toEqual(["linh-vuc"]);
    expect(withoutKnown(sipas, {})).toBe(sipas);
  });
});
