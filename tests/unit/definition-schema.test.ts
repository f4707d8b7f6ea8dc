import { describe, expect, it } from "vitest";
import { parseSurveyDefinition } from "~/survey/definition-schema.server";
import { deriveIndexModel } from "~/survey/index-model";

const L = (vi: string) => ({ vi, en: vi });
const base = () => ({
  schemaVersion: 1,
  slug: "thu",
  title: L("Thử"),
  sections: [
    {
      id: "s1",
      title: L("S1"),
      element: true,
      questions: [
        { id: "q1", type: "scale5", label: L("Q1") },
        { id: "q2", type: "single", label: L("Q2"), options: [{ id: "a", label: L("A") }, { id: "b", label: L("B") }] },
      ],
    },
  ],
});

function messages(input: unknown): string[] {
  const r = parseSurveyDefinition(input);
  return r.ok ? [] : r.errors.map((e) => e.message);
}

describe("survey-definition schema", () => {
  it("accepts a minimal definition and derives its single-aspect index model", () => {
    const r = parseSurveyDefinition(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(deriveIndexModel(r.definition)).toEqual({
      aggregation: "mean-of-items",
      parentAggregation: "pooled",
      aspects: [{ id: "chung", title: { vi: "Chung", en: "Overall" }, elements: [{ id: "s1", title: L("S1"), items: ["q1"] }] }],
    });
  });

  it("refuses unknown question types, unknown keys and a wrong schemaVersion", () => {
    const d = base();
    (d.sections[0].questions[0] as { type: string }).type = "slider";
    expect(parseSurveyDefinition(d).ok).toBe(false);
    expect(parseSurveyDefinition({ ...base(), colour: "red" }).ok).toBe(false);
    expect(parseSurveyDefinition({ ...base(), schemaVersion: 2 }).ok).toBe(false);
  });

  it("refuses conditions that could never be true", () => {
    const d = base();
    d.sections[0].questions.push({ id: "q3", type: "text", label: L("Q3"), visibleIf: { q: "q2", op: "eq", value: "zzz" } } as never);
    expect(messages(d).join()).toMatch(/lựa chọn không có/);
    const e = base();
    e.sections[0].questions.push({ id: "q3", type: "text", label: L("Q3"), visibleIf: { q: "q1", op: "lte" } } as never);
    expect(messages(e).join()).toMatch(/cần giá trị/);
    const f = base();
    f.sections[0].questions.push({ id: "q3", type: "text", label: L("Q3"), visibleIf: { q: "q2", op: "gt", value: 1 } } as never);
    expect(messages(f).join()).toMatch(/chỉ so sánh số/);
  });

  it("refuses self references and undeclared or duplicate aspects", () => {
    const d = base();
    (d.sections[0].questions[0] as Record<string, unknown>).visibleIf = { q: "q1", op: "answered" };
    expect(messages(d).join()).toMatch(/đứng trước/);
    expect(messages({ ...base(), index: { aspects: [{ id: "a", title: L("A") }, { id: "a", title: L("A") }] } }).join()).toMatch(/khía cạnh trùng/);
    const u = base();
    (u.sections[0] as Record<string, unknown>).aspect = "khong-co";
    expect(messages(u).join()).toMatch(/không được khai báo/);
  });

  it("refuses personal questions without a consent question", () => {
    const d = base();
    d.sections[0].questions.push({ id: "ten", type: "text", label: L("Họ tên"), personal: true } as never);
    expect(messages(d).join()).toMatch(/consent/);
  });

  it("refuses ids with capitals, spaces or diacritics", () => {
    const d = base();
    d.sections[0].questions[0].id = "Câu 1";
    expect(parseSurveyDefinition(d).ok).toBe(false);
  });
});
