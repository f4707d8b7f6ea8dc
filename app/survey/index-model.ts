import type { IndexModel, SurveyDefinition } from "./types";

/** The single aspect of designs without aspects (the 2017 user-survey design). */
export const DEFAULT_ASPECT_ID = "chung";

/**
 * item → element → aspect nesting (docs/method.md §3): each section marked `element` is one
 * element, its scale5 questions (unless `index: false`) its items.
 */
export function deriveIndexModel(def: SurveyDefinition): IndexModel {
  const declared = def.index?.aspects ?? [];
  const aspects = declared.length
    ? declared.map((a) => ({ id: a.id, title: a.title, elements: [] as IndexModel["aspects"][number]["elements"] }))
    : [{ id: DEFAULT_ASPECT_ID, title: { vi: "Chung", en: "Overall" }, elements: [] as IndexModel["aspects"][number]["elements"] }];
  for (const section of def.sections) {
    if (!section.element) continue;
    const items = section.questions
      .filter((q) => q.type === "scale5" && q.index !== false)
      .map((q) => q.id);
    const aspect = declared.length ? aspects.find((a) => a.id === section.aspect) : aspects[0];
    aspect?.elements.push({ id: section.id, title: section.title, items });
  }
  return {
    aggregation: def.index?.aggregation ?? "mean-of-items",
    parentAggregation: def.index?.parentAggregation ?? "pooled",
    aspects: aspects.filter((a) => a.elements.length > 0),
  };
}

export function indexItems(model: IndexModel): string[] {
  return model.aspects.flatMap((a) => a.elements.flatMap((e) => e.items));
}
