import { describe, expect, it } from "vitest";
import { evaluateCondition } from "~/survey/conditions";
import { validateAnswers } from "~/survey/validate-answers";
import type { SurveyDefinition } from "~/survey/types";

const L = (vi: string) => ({ vi, en: vi });

const def: SurveyDefinition = {
  schemaVersion: 1,
  slug: "thu",
  title: L("Thử"),
  sections: [
    {
      id: "s1",
      title: L("Phần 1"),
      element: true,
      questions: [
        { id: "q1", type: "scale5", label: L("Q1"), required: true },
        { id: "q2", type: "scale5", label: L("Q2"), allowNA: true },
        { id: "why", type: "multi", label: L("Vì sao?"), options: [{ id: "cho", label: L("Chờ lâu") }, { id: "thai-do", label: L("Thái độ") }], visibleIf: { q: "q1", op: "lte", value: 2 }, maxSelected: 2 },
        { id: "note", type: "text", label: L("Góp ý"), maxLength: 20 },
        { id: "trips", type: "number", label: L("Số lần"), min: 1, max: 20, integer: true },
        { id: "ok", type: "yesno", label: L("Đúng hẹn?") },
        { id: "face", type: "smiley", label: L("Mặt"), levels: 5 },
        { id: "stars", type: "stars", label: L("Sao"), max: 5 },
        { id: "sex", type: "single", label: L("Giới tính"), options: [{ id: "nam", label: L("Nam") }, { id: "nu", label: L("Nữ") }] },
      ],
    },
    {
      id: "s2",
      title: L("Thông tin liên hệ"),
      questions: [
        { id: "dong-y", type: "consent", label: L("Tôi đồng ý") },
        { id: "phone", type: "text", label: L("Số điện thoại"), personal: true },
      ],
    },
  ],
};

describe("validateAnswers", () => {
  it("accepts a full valid answer set and normalises it", () => {
    const r = validateAnswers(def, { q1: 2, q2: "na", why: ["cho"], note: "  Tốt  ", trips: 2, ok: true, face: 5, stars: 4, sex: "nu" });
    expect(r).toEqual({ ok: true, answers: { q1: 2, q2: "na", why: ["cho"], note: "Tốt", trips: 2, ok: "yes", face: 5, stars: 4, sex: "nu" } });
  });

  it("treats null, empty text and an empty choice list as no answer", () => {
    const r = validateAnswers(def, { q1: 4, q2: null, note: "   ", sex: null });
    expect(r).toEqual({ ok: true, answers: { q1: 4 } });
  });

  it("reports every bad field with a message key", () => {
    const r = validateAnswers(def, { q1: 6, q2: 3.5, note: "x".repeat(21), trips: 1.5, ok: "maybe", face: 0, stars: 6, sex: "khac", extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      q1: { key: "validation.range", params: { min: 1, max: 5 } },
      q2: { key: "validation.range", params: { min: 1, max: 5 } },
      note: { key: "validation.tooLong", params: { max: 20 } },
      trips: { key: "validation.integer" },
      ok: { key: "validation.yesno" },
      face: { key: "validation.range", params: { min: 1, max: 5 } },
      stars: { key: "validation.range", params: { min: 1, max: 5 } },
      sex: { key: "validation.option" },
      extra: { key: "validation.unknownQuestion" },
    });
  });

  it("requires required questions and refuses answers to hidden ones", () => {
    const missing = validateAnswers(def, {});
    expect(missing.ok === false && missing.errors.q1).toEqual({ key: "validation.required" });
    const hidden = validateAnswers(def, { q1: 5, why: ["cho"] });
    expect(hidden.ok === false && hidden.errors.why).toEqual({ key: "validation.hidden" });
  });

  it("refuses 'not applicable' where the question does not offer it", () => {
    const r = validateAnswers(def, { q1: "na" });
    expect(r.ok === false && r.errors.q1).toEqual({ key: "validation.notApplicableNotAllowed" });
  });

  it("needs consent before personal data", () => {
    const r = validateAnswers(def, { q1: 5, phone: "0912345678" });
    expect(r.ok === false && r.errors["dong-y"]).toEqual({ key: "validation.consent" });
    expect(validateAnswers(def, { q1: 5, phone: "0912345678", "dong-y": "yes" }).ok).toBe(true);
  });

  it("refuses duplicates and too many choices in a multi question", () => {
    expect(validateAnswers(def, { q1: 1, why: ["cho", "cho"] }).ok).toBe(false);
    expect(validateAnswers(def, { q1: 1, why: ["cho", "thai-do"] }).ok).toBe(true);
  });

  it("refuses a '__proto__' answer key like any unknown question (found by fuzzing)", () => {
    const r = validateAnswers(def, JSON.parse('{"q1": 5, "__proto__": 3}'));
    expect(r.ok).toBe(false);
    expect(r.ok === false && Object.keys(r.errors)).toEqual(["__proto__"]);
  });

  it("refuses an answer set that is not an object", () => {
    expect(validateAnswers(def, [1, 2]).ok).toBe(false);
    expect(validateAnswers(def, null).ok).toBe(false);
  });
});

describe("evaluateCondition", () => {
  it("compares numbers, options and presence", () => {
    expect(evaluateCondition({ q: "a", op: "lte", value: 2 }, { a: 2 })).toBe(true);
    expect(evaluateCondition({ q: "a", op: "lte", value: 2 }, { a: 3 })).toBe(false);
    expect(evaluateCondition({ q: "a", op: "in", value: ["x", "y"] }, { a: ["z", "y"] })).toBe(true);
    expect(evaluateCondition({ q: "a", op: "eq", value: "x" }, { a: ["x"] })).toBe(true);
    expect(evaluateCondition({ q: "a", op: "answered" }, { a: "na" })).toBe(false);
    expect(evaluateCondition({ q: "a", op: "not-answered" }, {})).toBe(true);
  });

  it("an unanswered question makes every comparison false", () => {
    expect(evaluateCondition({ q: "a", op: "ne", value: "no" }, {})).toBe(false);
    expect(evaluateCondition({ q: "a", op: "lt", value: 3 }, { a: "na" })).toBe(false);
  });

  it("combines with all / any", () => {
    const c = { all: [{ q: "a", op: "gte" as const, value: 4 }, { any: [{ q: "b", op: "eq" as const, value: "yes" }, { q: "b", op: "not-answered" as const }] }] };
    expect(evaluateCondition(c, { a: 5 })).toBe(true);
    expect(evaluateCondition(c, { a: 5, b: "no" })).toBe(false);
    expect(evaluateCondition(c, { a: 3, b: "yes" })).toBe(false);
  });
});
