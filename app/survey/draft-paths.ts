// A draft's field path ("sections.0.questions.2.visibleIf") as the designer reads it: the
// section and question by number and text, then what is wrong. Pure and client-safe.

type Loose = Record<string, unknown>;

export interface PathPart {
  key: string;
  params?: Record<string, string | number>;
}

const PART_KEYS: Record<string, string> = {
  visibleIf: "designer.path.visibleIf",
  label: "designer.path.label",
  title: "designer.path.title",
  description: "designer.path.description",
  options: "designer.path.options",
  id: "designer.path.id",
  type: "designer.path.type",
  index: "designer.path.index",
  aspects: "designer.path.aspects",
  aspect: "designer.path.aspect",
};

const textOf = (v: unknown): string => {
  const vi = v && typeof v === "object" ? (v as Loose).vi : undefined;
  const s = typeof vi === "string" ? vi : "";
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};

export function describePath(doc: Loose, path: string): PathPart[] {
  const parts = path.split(".");
  const out: PathPart[] = [];
  let node: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const next = parts[i + 1];
    if ((p === "sections" || p === "questions" || p === "options") && next !== undefined && /^\d+$/.test(next)) {
      const list = node && typeof node === "object" ? ((node as Loose)[p] as unknown[]) : undefined;
      node = Array.isArray(list) ? list[Number(next)] : undefined;
      const item = (node ?? {}) as Loose;
      const n = Number(next) + 1;
      if (p === "sections") out.push({ key: "designer.path.section", params: { n, title: textOf(item.title) } });
      else if (p === "questions") out.push({ key: "designer.path.question", params: { n, title: textOf(item.label) } });
      else out.push({ key: "designer.path.option", params: { n, title: textOf(item.label) } });
      i++;
      continue;
    }
    if (PART_KEYS[p]) out.push({ key: PART_KEYS[p] });
    node = node && typeof node === "object" ? (node as Loose)[p] : undefined;
    if (p === "visibleIf" || p === "label" || p === "title" || p === "description") break;
  }
  return out;
}
