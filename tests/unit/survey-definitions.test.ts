import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseSurveyDefinition } from "../../app/survey/definition-schema.server";
import { deriveIndexModel, indexItems } from "../../app/survey/index-model";
import type { IndexModel, Question, SingleQuestion, SurveyDefinition } from "../../app/survey/types";

// The shipped questionnaires: every file must pass the same schema the designer uses, and the
// index structure of the official instruments is pinned so an edit cannot silently change it.

const dir = fileURLToPath(new URL("../../survey-definitions/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

function load(slug: string): SurveyDefinition {
  const result = parseSurveyDefinition(readJson(`${slug}.json`));
  if (!result.ok) throw new Error(`${slug}.json is invalid:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.definition;
}

const questions = (def: SurveyDefinition): Question[] => def.sections.flatMap((s) => s.questions);
const elementCounts = (model: IndexModel) => model.aspects.flatMap((a) => a.elements.map((e) => e.items.length));
const elementIds = (model: IndexModel) => model.aspects.flatMap((a) => a.elements.map((e) => e.id));
const aspectItemCounts = (model: IndexModel) =>
  model.aspects.map((a) => a.elements.reduce((n, e) => n + e.items.length, 0));

describe("survey-definitions/*.json", () => {
  it("ships the expected questionnaires", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "danh-gia-tthc.json",
        "giao-duc.json",
        "nhanh.json",
        "sipas-2017.json",
        "sipas-2023.json",
        "y-te-ngoai-tru.json",
        "y-te-noi-tru.json",
      ]),
    );
  });

  describe.each(files)("%s", (file) => {
    it("passes the definition schema", () => {
      const result = parseSurveyDefinition(readJson(file));
      expect(result.ok, result.ok ? "" : `${file}:\n${JSON.stringify(result.errors, null, 2)}`).toBe(true);
    });

    it("has a slug equal to its file name and says where it comes from", () => {
      const def = readJson(file) as SurveyDefinition;
      expect(def.slug).toBe(basename(file, ".json"));
      expect(def.schemaVersion).toBe(1);
      expect(def.description?.vi).toBeTruthy();
      expect(def.source?.vi).toBeTruthy();
    });

    it("uses section ids distinct from question ids", () => {
      const def = load(basename(file, ".json"));
      const qids = new Set(questions(def).map((q) => q.id));
      expect(def.sections.map((s) => s.id).filter((id) => qids.has(id))).toEqual([]);
    });
  });
});

describe("sipas-2017 (QĐ 2640/QĐ-BNV)", () => {
  const def = load("sipas-2017");
  const model = deriveIndexModel(def);

  it("has one aspect, 5 elements and the 22 criteria tc1..tc22 in order", () => {
    expect(model.aspects).toHaveLength(1);
    expect(elementIds(model)).toEqual(["tiep-can", "thu-tuc", "cong-chuc", "ket-qua", "gop-y"]);
    expect(elementCounts(model)).toEqual([4, 5, 6, 3, 4]);
    expect(indexItems(model)).toEqual(Array.from({ length: 22 }, (_, i) => `tc${i + 1}`));
  });

  it("lets citizens skip satisfaction items", () => {
    const items = new Set(indexItems(model));
    const required = questions(def).filter((q) => items.has(q.id) && q.required);
    expect(required.map((q) => q.id)).toEqual([]);
  });

  it("asks the background, procedure and perception questions", () => {
    const byId = new Map(questions(def).map((q) => [q.id, q]));
    for (const id of ["gioi-tinh", "do-tuoi", "hoc-van", "nghe-nghiep", "linh-vuc", "cap-chinh-quyen", "phien-ha", "chi-phi-ngoai"]) {
      expect(byId.get(id)?.type, id).toBe("single");
    }
    expect((byId.get("do-tuoi") as SingleQuestion).options.map((o) => o.id)).toEqual(["18-24", "25-34", "35-49", "50-60", "tren-60"]);
    expect(byId.get("so-lan-di-lai")).toMatchObject({ type: "number", min: 1, max: 20, integer: true });
    expect(byId.get("dung-hen")?.type).toBe("yesno");
    expect(byId.get("y-kien")).toMatchObject({ type: "text", multiline: true, maxLength: 1000 });
  });
});

describe("sipas-2023 (QĐ 1001/QĐ-BNV)", () => {
  const def = load("sipas-2023");
  const model = deriveIndexModel(def);

  it("has 2 aspects, 9 elements and the 33 C9 items in order", () => {
    expect(model.aspects.map((a) => a.id)).toEqual(["chinh-sach", "dich-vu"]);
    expect(model.aspects.map((a) => a.elements.length)).toEqual([4, 5]);
    expect(aspectItemCounts(model)).toEqual([14, 19]);
    expect(indexItems(model)).toEqual(Array.from({ length: 33 }, (_, i) => `c9-${String(i + 1).padStart(2, "0")}`));
  });

  it("groups the service items as access 15–18, procedure 19–22, civil servants 23–27, results 28–30, feedback 31–33", () => {
    const services = model.aspects[1];
    expect(services.elements.map((e) => e.id)).toEqual(["tiep-can", "thu-tuc", "cong-chuc", "ket-qua", "gop-y"]);
    expect(services.elements.map((e) => e.items.length)).toEqual([4, 4, 5, 3, 3]);
  });

  it("lets citizens skip satisfaction items", () => {
    const items = new Set(indexItems(model));
    expect(questions(def).filter((q) => items.has(q.id) && q.required).map((q) => q.id)).toEqual([]);
  });

  it("asks 10 improvement priorities on the Rất nhiều / Nhiều / Ít scale", () => {
    const c10 = questions(def).filter((q) => q.id.startsWith("c10-"));
    expect(c10).toHaveLength(10);
    for (const q of c10) {
      expect(q.type).toBe("single");
      expect((q as SingleQuestion).options.map((o) => o.id)).toEqual(["rat-nhieu", "nhieu", "it"]);
    }
  });
});

describe("health forms (QĐ 56/QĐ-BYT)", () => {
  it.each([
    ["y-te-noi-tru", [5, 7, 11, 7, 6]],
    ["y-te-ngoai-tru", [5, 10, 8, 4, 4]],
  ] as const)("%s has sections A–E with %j items", (slug, counts) => {
    const def = load(slug);
    const model = deriveIndexModel(def);
    expect(model.aspects).toHaveLength(1);
    expect(elementCounts(model)).toEqual([...counts]);
    const byId = new Map(questions(def).map((q) => [q.id, q]));
    expect(byId.get("dap-ung-mong-doi")).toMatchObject({ type: "number", min: 0, max: 200 });
    expect(byId.get("quay-lai")?.type).toBe("single");
  });
});

describe("giao-duc (QĐ 2329/QĐ-BGDĐT)", () => {
  it("has 5 elements of 3–5 items and an overall rating outside the index", () => {
    const def = load("giao-duc");
    const model = deriveIndexModel(def);
    expect(elementIds(model)).toEqual(["tiep-can", "co-so-vat-chat", "moi-truong", "hoat-dong", "ket-qua"]);
    for (const n of elementCounts(model)) {
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
    }
    expect(indexItems(model)).not.toContain("hai-long-chung");
    expect(questions(def).find((q) => q.id === "hai-long-chung")?.type).toBe("scale5");
  });
});

describe("danh-gia-tthc (NĐ 61/2018, TT 01/2018/TT-VPCP)", () => {
  const def = load("danh-gia-tthc");

  it("has 9 indicators scored 0/1/2 (18 points at most) and no index elements", () => {
    const indicators = questions(def).filter(
      (q): q is SingleQuestion =>
        q.type === "single" && q.options.map((o) => o.id).sort().join(",") === "0,1,2",
    );
    expect(indicators).toHaveLength(9);
    const max = indicators.reduce((sum, q) => sum + Math.max(...q.options.map((o) => Number(o.id))), 0);
    expect(max).toBe(18);
    expect(def.sections.some((s) => s.element)).toBe(false);
    expect(deriveIndexModel(def).aspects).toEqual([]);
  });

  it("has a required 3-level overall rating", () => {
    const overall = questions(def).find((q) => q.id === "muc-do-hai-long");
    expect(overall).toMatchObject({ type: "single", required: true });
    expect((overall as SingleQuestion).options.map((o) => o.id)).toEqual(["rat-hai-long", "hai-long", "khong-hai-long"]);
  });
});

describe("nhanh (kiosk quick rating)", () => {
  const def = load("nhanh");

  it("is one screen with a required 5-level smiley and follow-ups only when it is ≤ 2", () => {
    expect(def.sections).toHaveLength(1);
    const [muc, lyDo, gopY] = def.sections[0].questions;
    expect(muc).toMatchObject({ id: "muc-do", type: "smiley", levels: 5, required: true });
    const low = { q: "muc-do", op: "lte", value: 2 };
    expect(lyDo).toMatchObject({ id: "ly-do", type: "multi", visibleIf: low });
    expect(gopY).toMatchObject({ id: "gop-y", type: "text", visibleIf: low });
    expect(deriveIndexModel(def).aspects).toEqual([]);
  });
});

describe("parseSurveyDefinition rejects broken definitions", () => {
  const label = (s: string) => ({ vi: s, en: s });
  const base = () => ({
    schemaVersion: 1,
    slug: "thu",
    title: label("Thử"),
    sections: [
      {
        id: "yeu-to",
        title: label("Yếu tố"),
        element: true,
        questions: [
          { id: "q1", type: "scale5", label: label("Câu 1") },
          { id: "q2", type: "scale5", label: label("Câu 2") },
        ],
      },
      {
        id: "khac",
        title: label("Khác"),
        questions: [{ id: "q3", type: "text", label: label("Câu 3") }],
      },
    ],
  });

  const errorsOf = (input: unknown) => {
    const result = parseSurveyDefinition(input);
    return result.ok ? [] : result.errors.map((e) => e.message);
  };

  it("accepts the unmodified base document", () => {
    expect(parseSurveyDefinition(base()).ok).toBe(true);
  });

  it("rejects a duplicate question id", () => {
    const def = base();
    def.sections[1].questions[0].id = "q1";
    expect(errorsOf(def).join("\n")).toMatch(/trùng: q1/);
  });

  it("rejects a condition on an unknown question", () => {
    const def = base();
    Object.assign(def.sections[1].questions[0], { visibleIf: { q: "khong-co", op: "lte", value: 2 } });
    expect(errorsOf(def).join("\n")).toMatch(/không tồn tại: khong-co/);
  });

  it("rejects a condition on a later question", () => {
    const def = base();
    Object.assign(def.sections[0].questions[0], { visibleIf: { q: "q3", op: "answered" } });
    expect(errorsOf(def).join("\n")).toMatch(/đứng trước: q3/);
  });

  it("rejects a condition on the question itself", () => {
    const def = base();
    Object.assign(def.sections[0].questions[1], { visibleIf: { q: "q2", op: "answered" } });
    expect(parseSurveyDefinition(def).ok).toBe(false);
  });

  it("rejects an element without scale5 items", () => {
    const def = base();
    Object.assign(def.sections[1], { element: true });
    expect(errorsOf(def).join("\n")).toMatch(/thang 5 mức/);
  });

  it("rejects an element whose scale5 items are all excluded from the index", () => {
    const def = base();
    for (const q of def.sections[0].questions) Object.assign(q, { index: false });
    expect(parseSurveyDefinition(def).ok).toBe(false);
  });

  it("rejects an element without an aspect when aspects are declared", () => {
    const def = { ...base(), index: { aspects: [{ id: "chinh-sach", title: label("Chính sách") }] } };
    expect(parseSurveyDefinition(def).ok).toBe(false);
  });
});
