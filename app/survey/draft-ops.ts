// Structural edits of a draft, chosen by the submit button that sent the designer form
// ("add-question:1" …). Pure: the form works without JavaScript.

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const blank = () => ({ vi: "", en: "" });

function freshId(prefix: string, taken: Set<string>): string {
  for (let n = taken.size + 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

function questionIds(doc: Obj): Set<string> {
  return new Set(arr(doc.sections).flatMap((s) => arr(s.questions).map((q) => String(q.id))));
}

export function newQuestion(doc: Obj): Obj {
  return { id: freshId("cau", questionIds(doc)), type: "scale5", label: blank(), required: false };
}

export function newSection(doc: Obj): Obj {
  return { id: freshId("phan", new Set(arr(doc.sections).map((s) => String(s.id)))), title: blank(), questions: [newQuestion(doc)] };
}

function move<T>(items: T[], from: number, delta: number): void {
  const to = from + delta;
  if (from < 0 || to < 0 || from >= items.length || to >= items.length) return;
  [items[from], items[to]] = [items[to], items[from]];
}

/** Applies one edit; unknown or out-of-range operations leave the document as it is. */
export function applyDraftOp(doc: Obj, op: string): Obj {
  const next = structuredClone(doc);
  const [name, ...rest] = op.split(":");
  const [a, b, c] = rest.map(Number);
  const sections = arr(next.sections);
  next.sections = sections;
  const questions = (i: number) => (sections[i] ? (sections[i].questions = arr(sections[i].questions)) : []);
  switch (name) {
    case "add-section":
      sections.push(newSection(next));
      break;
    case "remove-section":
      if (sections.length > 1) sections.splice(a, 1);
      break;
    case "up-section":
      move(sections, a, -1);
      break;
    case "add-question":
      if (sections[a]) questions(a).push(newQuestion(next));
      break;
    case "remove-question":
      if (questions(a).length > 1) questions(a).splice(b, 1);
      break;
    case "up-question":
      move(questions(a), b, -1);
      break;
    case "down-question":
      move(questions(a), b, 1);
      break;
    case "add-option": {
      const q = questions(a)[b];
      if (!q) break;
      const options = (q.options = arr(q.options));
      options.push({ id: freshId("lc", new Set(options.map((o) => String(o.id)))), label: blank() });
      break;
    }
    case "remove-option": {
      const q = questions(a)[b];
      if (q) arr(q.options).splice(c, 1);
      break;
    }
    case "add-aspect": {
      const index = (next.index = (next.index as Obj | undefined) ?? {});
      const aspects = (index.aspects = arr(index.aspects));
      aspects.push({ id: freshId("khia-canh", new Set(aspects.map((x) => String(x.id)))), title: blank() });
      break;
    }
    case "remove-aspect": {
      const index = next.index as Obj | undefined;
      if (index) arr(index.aspects).splice(a, 1);
      break;
    }
  }
  return next;
}

/** A new questionnaire's first draft. */
export function skeletonDefinition(slug: string, title: { vi: string; en: string }): Obj {
  const doc: Obj = { schemaVersion: 1, slug, title, sections: [] };
  doc.sections = [newSection(doc)];
  return doc;
}
