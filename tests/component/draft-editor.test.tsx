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
