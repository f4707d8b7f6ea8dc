import { describe, expect, it } from "vitest";
import { applyPrefsChange, parsePrefs, prefsClassName, serializePrefs } from "../../app/display-prefs";
import {
  conditionContext, errorsFor, firstSectionWithError, mergeStep, neighbourSection, parseValue, progressOf, pruneHidden, rawValues,
  readStep, visibleQuestionIds, visibleSections,
} from "../../app/survey/form-steps";
import type { Question } from "../../app/survey/types";
import { FIXTURE_SURVEY as def } from "../support/form-fixture";

const section = (id: string) => def.sections.find((s) => s.id === id)!;
const question = (id: string) => def.sections.flatMap((s) => s.questions).find((q) => q.id === id) as Question;

describe("form steps", () => {
  it("parses posted controls into answer values, keeping what is not a number as text for validation", () => {
    expect(parseValue(question("muc-do"), "4")).toBe(4);
    expect(parseValue(question("muc-do"), "na")).toBe("na");
    expect(parseValue(question("so-lan"), " 2,5 ")).toBe(2.5);
    expect(parseValue(question("so-lan"), "hai")).toBe("hai");
    expect(parseValue(question("so-lan"), "  ")).toBeUndefined();
    expect(parseValue(question("kenh"), ["bao", ""])).toEqual(["bao"]);
    expect(parseValue(question("kenh"), undefined)).toBeUndefined();
    expect(parseValue(question("dung-hen"), "yes")).toBe("yes");
  });

  it("reads a step's fields, collects multi values and reports fields of other steps", () => {
    const posted = readStep(section("chi-tiet"), [
      ["state", "x"], ["q_so-lan", "3"], ["q_kenh", "bao"], ["q_kenh", "mang"], ["q_muc-do", "5"], ["q_so-lan", "4"],
    ]);
    expect(posted.answers).toEqual({ "so-lan": 3, kenh: ["bao", "mang"] });
    expect(posted.raw).toEqual({ "so-lan": "3", kenh: ["bao", "mang"] });
    expect(posted.unknown).toEqual(["muc-do", "so-lan"]);
  });

  it("shows a section only when its condition holds and a question in it is visible", () => {
    expect(visibleSections(def, {}).map((s) => s.id)).toEqual(["chung", "lien-he"]);
    expect(visibleSections(def, { "muc-do": 2 }).map((s) => s.id)).toEqual(["chung", "chi-tiet", "lien-he"]);
    expect(visibleQuestionIds(section("chung"), { "muc-do": 2 })).toEqual(["muc-do", "sao", "ly-do"]);
    expect(visibleQuestionIds(section("chung"), { "muc-do": "na" })).toEqual(["muc-do", "sao"]);
  });

  it("replaces a step's answers and drops those the new answers hide", () => {
    const before = { "muc-do": 1, "ly-do": "Chờ lâu", "so-lan": 3, "y-kien": "Tốt" };
    expect(mergeStep(def, section("chung"), before, { "muc-do": 5 })).toEqual({ "muc-do": 5, "y-kien": "Tốt" });
    expect(pruneHidden(def, { "ly-do": "x" })).toEqual({});
  });

  it("reports only the errors of the steps asked for", () => {
    const answers = { "muc-do": 2, sao: 9 };
    expect(Object.keys(errorsFor(def, answers, ["chung"]))).toEqual(["sao"]);
    const all = errorsFor(def, answers, ["chung", "chi-tiet"]);
    expect(all["so-lan"]).toEqual({ key: "validation.required" });
    expect(firstSectionWithError(def, answers, { "so-lan": all["so-lan"] })?.id).toBe("chi-tiet");
  });

  it("navigates over the visible steps and counts the review as the last one", () => {
    expect(neighbourSection(def, { "muc-do": 5 }, "chung", 1)?.id).toBe("lien-he");
    expect(neighbourSection(def, { "muc-do": 3 }, "chung", 1)?.id).toBe("chi-tiet");
    expect(neighbourSection(def, {}, "lien-he", 1)).toBeNull();
    expect(neighbourSection(def, {}, "chung", -1)).toBeUndefined();
    expect(progressOf(def, { "muc-do": 3 }, "chi-tiet")).toEqual({ step: 2, total: 4 });
    expect(progressOf(def, { "muc-do": 5 }, null)).toEqual({ step: 3, total: 3 });
  });

  it("gives controls their values back and the browser the outside answers its conditions read", () => {
    expect(rawValues(section("chi-tiet"), { "so-lan": 3, kenh: ["bao"], "muc-do": 2 })).toEqual({ "so-lan": "3", kenh: ["bao"] });
    expect(conditionContext(def, section("chi-tiet"), { "muc-do": 2, sao: 4 })).toEqual({ "muc-do": 2 });
    expect(conditionContext(def, section("chung"), { "muc-do": 2 })).toEqual({});
  });
});

describe("display preferences", () => {
  it("round-trips the cookie value and ignores anything unknown", () => {
    expect(parsePrefs("lg.hc")).toEqual({ size: "lg", contrast: true });
    expect(parsePrefs("xl.nope")).toEqual({ size: "md", contrast: false });
    expect(parsePrefs(undefined)).toEqual({ size: "md", contrast: false });
    expect(serializePrefs({ size: "sm", contrast: true })).toBe("sm.hc");
    expect(serializePrefs({ size: "md", contrast: false })).toBe("md");
  });

  it("applies button changes and names the classes of <html>", () => {
    const prefs = applyPrefsChange(applyPrefsChange(parsePrefs(null), "size:lg"), "contrast:on");
    expect(prefs).toEqual({ size: "lg", contrast: true });
    expect(applyPrefsChange(prefs, "size:huge")).toEqual(prefs);
    expect(prefsClassName(prefs)).toBe("text-lg contrast-high");
    expect(prefsClassName(parsePrefs(null))).toBeUndefined();
  });
});

describe("a form with no rating at all", () => {
  it("points to the first step with an index question until one is rated", async () => {
    const { missingIndexStep } = await import("../../app/survey/form-steps");
    const fs = await import("node:fs");
    const sipas = JSON.parse(fs.readFileSync("survey-definitions/sipas-2017.json", "utf8"));
    expect(missingIndexStep(sipas, {})?.id).toBe("tiep-can");
    expect(missingIndexStep(sipas, { "linh-vuc": "ho-tich", tc1: "na" })?.id).toBe("tiep-can");
    expect(missingIndexStep(sipas, { tc7: 2 })).toBeNull();
  });
});
