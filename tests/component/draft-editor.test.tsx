import fs from "node:fs";
import path from "node:path";
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DraftEditor } from "~/components/designer/draft-editor";
import { I18nProvider } from "~/i18n/provider";
import { applyDraftOp } from "~/survey/draft-ops";
import { formToDefinition } from "~/survey/draft-form";
import common from "../../public/locales/vi/common.json";
import designer from "../../public/locales/vi/designer.json";
import consoleArea from "../../public/locales/vi/console.json";

// The designer's form must be lossless: rendering a questionnaire into the editor and
// reading the form back gives the same document, for every shipped questionnaire.

const dir = path.resolve("survey-definitions");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));

function roundTrip(doc: Record<string, unknown>, errors: Record<string, string> = {}) {
  const { container, unmount } = render(
    <I18nProvider locale="vi" messages={{ ...common, ...designer, ...consoleArea }}>
      <DraftEditor doc={doc} errors={errors} csrf="x" />
    </I18nProvider>,
  );
  const form = container.querySelector("form")!;
  const back = formToDefinition(new FormData(form).entries());
  return { back, container, unmount };
}

describe("designer form", () => {
  it.each(files)("reads %s back unchanged", (file) => {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    const { back, unmount } = roundTrip(doc);
    expect(back).toEqual(doc);
    unmount();
  });

  it("keeps what was typed when a structural button is used, and drops stale type fields", () => {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, "nhanh.json"), "utf8"));
    const added = applyDraftOp(doc, "add-question:0") as { sections: Array<{ questions: Array<{ id: string; type: string }> }> };
    expect(added.sections[0].questions.at(-1)).toMatchObject({ type: "scale5" });
    const { back, unmount } = roundTrip(added);
    expect(back).toEqual(added);
    unmount();
    const changed = structuredClone(doc);
    changed.sections[0].questions[0] = { ...changed.sections[0].questions[0], type: "yesno" };
    const { back: asYesNo } = roundTrip(changed);
    const q = (asYesNo as typeof doc).sections[0].questions[0];
    expect(q.type).toBe("yesno");
    expect(q).not.toHaveProperty("options");
  });

  it("shows validation errors next to their field, wired for screen readers", () => {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, "nhanh.json"), "utf8"));
    const { container } = roundTrip(doc, { "sections.0.questions.0.label.vi": "Vui lòng nhập nội dung" });
    const input = container.querySelector('[name="sections.0.questions.0.label.vi"]')!;
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(container.querySelector(`#${input.getAttribute("aria-describedby")}`)?.textContent).toBe("Vui lòng nhập nội dung");
  });
});

describe("show/hide conditions with selects", () => {
  const doc = {
    schemaVersion: 1,
    slug: "dieu-kien",
    title: { vi: "Phiếu", en: "Form" },
    sections: [
      {
        id: "a",
        title: { vi: "A", en: "A" },
        questions: [
          { id: "muc-do", type: "smiley", levels: 5, label: { vi: "Ông/Bà hài lòng không?", en: "Satisfied?" } },
          { id: "ly-do", type: "text", label: { vi: "Vì sao?", en: "Why?" }, visibleIf: { q: "muc-do", op: "lte", value: 2 } },
        ],
      },
    ],
  };

  it("shows question → comparison → value, offering only earlier questions, and saves the same JSON", () => {
    const { back, container, unmount } = roundTrip(doc);
    expect(back).toEqual(doc);
    const q = container.querySelector<HTMLSelectElement>('select[name="sections.0.questions.1.visibleIf.q"]')!;
    expect([...q.options].map((o) => o.value)).toEqual(["", "muc-do"]);
    expect(q.value).toBe("muc-do");
    expect(container.querySelector<HTMLSelectElement>('select[name="sections.0.questions.1.visibleIf.op"]')!.value).toBe("lte");
    unmount();
  });

  it("reads a list for 'is one of', nothing for 'is answered', and no question as no condition", () => {
    const entries = (op: string, value: string, qid = "muc-do"): Array<[string, string]> => [
      ["schemaVersion", "1"], ["slug", "dieu-kien"], ["title.vi", "Phiếu"], ["title.en", "Form"],
      ["sections.0.id", "a"], ["sections.0.title.vi", "A"], ["sections.0.title.en", "A"],
      ["sections.0.questions.0.id", "ly-do"], ["sections.0.questions.0.type", "text"], ["sections.0.questions.0.label.vi", "Vì sao?"], ["sections.0.questions.0.label.en", "Why?"],
      ["sections.0.questions.0.visibleIf.q", qid], ["sections.0.questions.0.visibleIf.op", op], ["sections.0.questions.0.visibleIf.value", value],
    ];
    const cond = (e: Array<[string, string]>) => (formToDefinition(e) as { sections: Array<{ questions: Array<{ visibleIf?: unknown }> }> }).sections[0].questions[0].visibleIf;
    expect(cond(entries("in", "1, 2"))).toEqual({ q: "muc-do", op: "in", value: [1, 2] });
    expect(cond(entries("answered", "3"))).toEqual({ q: "muc-do", op: "answered" });
    expect(cond(entries("eq", "khac"))).toEqual({ q: "muc-do", op: "eq", value: "khac" });
    expect(cond(entries("eq", "1", ""))).toBeUndefined();
  });
});
