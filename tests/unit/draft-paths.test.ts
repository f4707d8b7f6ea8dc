import { describe, expect, it } from "vitest";
import { describePath } from "../../app/survey/draft-paths";
import { auditActionKey, auditFieldKey } from "../../app/components/console/audit-words";

const doc = {
  sections: [
    { title: { vi: "Tiếp cận dịch vụ" }, questions: [{ label: { vi: "Nơi ngồi chờ có đủ chỗ không?" } }, { label: { vi: "Có nước uống không?" } }] },
  ],
};

describe("designer error paths in words", () => {
  it("names the section and question instead of sections.0.visibleIf", () => {
    expect(describePath(doc, "sections.0.visibleIf")).toEqual([
      { key: "designer.path.section", params: { n: 1, title: "Tiếp cận dịch vụ" } },
      { key: "designer.path.visibleIf" },
    ]);
    expect(describePath(doc, "sections.0.questions.1.label.vi")).toEqual([
      { key: "designer.path.section", params: { n: 1, title: "Tiếp cận dịch vụ" } },
      { key: "designer.path.question", params: { n: 2, title: "Có nước uống không?" } },
      { key: "designer.path.label" },
    ]);
  });

  it("survives a path into nothing", () => {
    expect(describePath(doc, "sections.5.questions.0.id").map((p) => p.key)).toEqual(["designer.path.section", "designer.path.question", "designer.path.id"]);
  });
});

describe("audit words", () => {
  it("turns stored codes into message keys, leaving unknown ones as they are", () => {
    expect(auditActionKey("survey.draft.publish")).toBe("audit.actions.survey_draft_publish");
    expect(auditFieldKey("contentHash")).toBe("audit.fields.contentHash");
    expect(auditActionKey("something.new")).toBe("something.new");
  });
});
