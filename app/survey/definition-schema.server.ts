import { z } from "zod";
import { conditionRefs } from "./conditions";
import type { Condition, Question, SurveyDefinition } from "./types";

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang");
const text = z.string().trim().min(1).max(2000);
const localized = z.strictObject({ vi: text, en: text });

const comparison = z.strictObject({
  q: id,
  op: z.enum(["eq", "ne", "lt", "lte", "gt", "gte", "in", "answered", "not-answered"]),
  value: z.union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))]).optional(),
});
const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparison,
    z.strictObject({ all: z.array(condition).min(1) }),
    z.strictObject({ any: z.array(condition).min(1) }),
  ]),
);

const base = {
  id,
  label: localized,
  help: localized.optional(),
  required: z.boolean().optional(),
  visibleIf: condition.optional(),
};
const options = z.array(z.strictObject({ id, label: localized })).min(1).max(100);

const question = z.discriminatedUnion("type", [
  z.strictObject({ ...base, type: z.literal("scale5"), allowNA: z.boolean().optional(), index: z.boolean().optional() }),
  z.strictObject({ ...base, type: z.literal("single"), options }),
  z.strictObject({ ...base, type: z.literal("multi"), options, maxSelected: z.number().int().positive().optional() }),
  z.strictObject({
    ...base,
    type: z.literal("text"),
    multiline: z.boolean().optional(),
    maxLength: z.number().int().min(1).max(5000).optional(),
    personal: z.boolean().optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    unit: localized.optional(),
  }),
  z.strictObject({ ...base, type: z.literal("stars"), max: z.number().int().min(3).max(10) }),
  z.strictObject({ ...base, type: z.literal("smiley"), levels: z.union([z.literal(3), z.literal(5)]) }),
  z.strictObject({ ...base, type: z.literal("yesno") }),
  z.strictObject({ ...base, type: z.literal("consent") }),
]);

const section = z.strictObject({
  id,
  title: localized,
  description: localized.optional(),
  element: z.boolean().optional(),
  aspect: id.optional(),
  visibleIf: condition.optional(),
  questions: z.array(question).min(1).max(200),
});

export const surveyDefinitionSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    slug: id,
    title: localized,
    description: localized.optional(),
    source: localized.optional(),
    index: z
      .strictObject({
        aggregation: z.enum(["mean-of-items", "pooled", "pooled-all"]).optional(),
        parentAggregation: z.enum(["pooled", "mean-of-children"]).optional(),
        aspects: z.array(z.strictObject({ id, title: localized })).optional(),
      })
      .optional(),
    sections: z.array(section).min(1).max(100),
  })
  .superRefine((def, ctx) => {
    for (const issue of crossCheck(def as SurveyDefinition)) ctx.addIssue({ code: "custom", ...issue });
  });

interface CrossIssue {
  path: (string | number)[];
  message: string;
}

/** Checks a schema cannot express: unique ids, references, cycles, aspects, consent. */
function crossCheck(def: SurveyDefinition): CrossIssue[] {
  const issues: CrossIssue[] = [];
  const seen = new Map<string, Question>();
  const order = new Map<string, number>();
  const sectionIds = new Set<string>();
  def.sections.forEach((s, si) => {
    if (sectionIds.has(s.id)) issues.push({ path: ["sections", si, "id"], message: `Mã phần trùng: ${s.id}` });
    sectionIds.add(s.id);
    s.questions.forEach((q, qi) => {
      if (seen.has(q.id)) issues.push({ path: ["sections", si, "questions", qi, "id"], message: `Mã câu hỏi trùng: ${q.id}` });
      seen.set(q.id, q);
      order.set(q.id, order.size);
      if ((q.type === "single" || q.type === "multi") && new Set(q.options.map((o) => o.id)).size !== q.options.length) {
        issues.push({ path: ["sections", si, "questions", qi, "options"], message: "Mã lựa chọn trùng" });
      }
      if (q.type === "number" && q.min !== undefined && q.max !== undefined && q.min > q.max) {
        issues.push({ path: ["sections", si, "questions", qi, "max"], message: "max phải lớn hơn hoặc bằng min" });
      }
    });
  });

  const edges = new Map<string, string[]>();
  def.sections.forEach((s, si) => {
    const sectionRefs = conditionRefs(s.visibleIf);
    s.questions.forEach((q, qi) => {
      const refs = [...conditionRefs(q.visibleIf), ...sectionRefs];
      edges.set(q.id, refs);
      for (const ref of refs) {
        if (!seen.has(ref)) {
          issues.push({ path: ["sections", si, "questions", qi, "visibleIf"], message: `Điều kiện tham chiếu câu hỏi không tồn tại: ${ref}` });
        } else if ((order.get(ref) ?? 0) >= (order.get(q.id) ?? 0)) {
          // A form is filled top to bottom: a condition can only read answers given before it.
          issues.push({ path: ["sections", si, "questions", qi, "visibleIf"], message: `Điều kiện phải tham chiếu câu hỏi đứng trước: ${ref}` });
        }
      }
    });
  });
  const cycle = findCycle(edges);
  if (cycle) issues.push({ path: ["sections"], message: `Điều kiện vòng tròn: ${cycle.join(" → ")}` });

  def.sections.forEach((s, si) => {
    s.questions.forEach((q, qi) => {
      for (const message of comparisonProblems(q.visibleIf, seen)) {
        issues.push({ path: ["sections", si, "questions", qi, "visibleIf"], message });
      }
    });
    for (const message of comparisonProblems(s.visibleIf, seen)) issues.push({ path: ["sections", si, "visibleIf"], message });
  });

  const declaredAspects = (def.index?.aspects ?? []).map((a) => a.id);
  if (new Set(declaredAspects).size !== declaredAspects.length) {
    issues.push({ path: ["index", "aspects"], message: "Mã khía cạnh trùng" });
  }
  const aspectIds = new Set(declaredAspects);
  def.sections.forEach((s, si) => {
    if (s.aspect && !aspectIds.has(s.aspect)) {
      issues.push({ path: ["sections", si, "aspect"], message: `Khía cạnh không được khai báo: ${s.aspect}` });
    }
    if (s.element && aspectIds.size > 0 && !s.aspect) {
      issues.push({ path: ["sections", si, "aspect"], message: "Yếu tố phải thuộc một khía cạnh" });
    }
    if (s.element && !s.questions.some((q) => q.type === "scale5" && q.index !== false)) {
      issues.push({ path: ["sections", si, "element"], message: "Yếu tố phải có ít nhất một câu hỏi thang 5 mức" });
    }
  });

  const hasPersonal = [...seen.values()].some((q) => q.type === "text" && q.personal);
  const hasConsent = [...seen.values()].some((q) => q.type === "consent");
  if (hasPersonal && !hasConsent) {
    issues.push({ path: ["sections"], message: "Câu hỏi thông tin cá nhân cần một câu hỏi đồng ý (consent)" });
  }
  return issues;
}

const NUMERIC_TYPES = new Set(["scale5", "stars", "smiley", "number"]);

/** A condition that can never be true hides its question for good: refuse it when saving. */
function comparisonProblems(c: Condition | undefined, questions: Map<string, Question>): string[] {
  if (!c) return [];
  if (!("q" in c)) return ("all" in c ? c.all : c.any).flatMap((x) => comparisonProblems(x, questions));
  const target = questions.get(c.q);
  if (!target || c.op === "answered" || c.op === "not-answered") return [];
  if (c.value === undefined) return [`Điều kiện "${c.op}" cần giá trị (value)`];
  const values = Array.isArray(c.value) ? c.value : [c.value];
  if (["lt", "lte", "gt", "gte"].includes(c.op) && (typeof c.value !== "number" || !NUMERIC_TYPES.has(target.type))) {
    return [`Điều kiện "${c.op}" chỉ so sánh số với câu hỏi dạng số: ${c.q}`];
  }
  if (target.type === "single" || target.type === "multi") {
    const ids = new Set(target.options.map((o) => o.id));
    const unknown = values.filter((v) => typeof v !== "string" || !ids.has(v));
    if (unknown.length) return [`Điều kiện dùng lựa chọn không có trong câu hỏi ${c.q}: ${unknown.join(", ")}`];
  }
  if ((target.type === "yesno" || target.type === "consent") && values.some((v) => v !== "yes" && v !== "no")) {
    return [`Câu hỏi ${c.q} chỉ có giá trị "yes" hoặc "no"`];
  }
  return [];
}

function findCycle(edges: Map<string, string[]>): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "visiting") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "visiting");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of edges.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

export type DefinitionResult =
  | { ok: true; definition: SurveyDefinition }
  | { ok: false; errors: { path: string; message: string }[] };

export function parseSurveyDefinition(input: unknown): DefinitionResult {
  const result = surveyDefinitionSchema.safeParse(input);
  if (result.success) return { ok: true, definition: result.data as SurveyDefinition };
  return {
    ok: false,
    errors: result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  };
}
