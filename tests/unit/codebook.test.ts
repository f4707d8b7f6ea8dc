import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkCount } from "~/server/export.server";
import { codebookRows, csvField, exportColumns } from "~/survey/codebook";
import type { SurveyDefinition } from "~/survey/types";

const load = (slug: string) => JSON.parse(fs.readFileSync(`survey-definitions/${slug}.json`, "utf8")) as SurveyDefinition;

describe("export columns and codebook", () => {
  it("has one column per question, codes for options, and never a personal field", () => {
    const def: SurveyDefinition = {
      schemaVersion: 1,
      slug: "x",
      title: { vi: "x", en: "x" },
      sections: [
        {
          id: "s",
          title: { vi: "s", en: "s" },
          questions: [
            { id: "q", type: "scale5", label: { vi: "Câu q", en: "q" }, allowNA: true },
            { id: "m", type: "multi", label: { vi: "Câu m", en: "m" }, options: [{ id: "a", label: { vi: "A", en: "A" } }] },
            { id: "ten", type: "text", personal: true, label: { vi: "Họ tên", en: "Name" } },
            { id: "dong-y", type: "consent", label: { vi: "Đồng ý", en: "Consent" } },
          ],
        },
      ],
    };
    expect(exportColumns(def).map((c) => c.id)).toEqual(["q", "m"]);
    const rows = codebookRows(def);
    expect(rows).toContainEqual(["q", "", "", "na", "Không áp dụng"]);
    expect(rows).toContainEqual(["m", "", "", "a", "A"]);
    expect(rows.some((r) => r[0] === "ten" || r[0] === "dong-y")).toBe(false);
  });

  it("covers every shipped questionnaire", () => {
    for (const slug of ["sipas-2017", "danh-gia-tthc", "nhanh"]) expect(exportColumns(load(slug)).length).toBeGreaterThan(2);
    expect(codebookRows(load("danh-gia-tthc"))).toContainEqual(["cs1", "", "", "2", expect.any(String)]);
  });

  it("quotes CSV fields only when needed", () => {
    expect(csvField("a;b")).toBe("a;b");
    expect(csvField('nói "không"')).toBe('"nói ""không"""');
    expect(csvField("1,5")).toBe('"1,5"');
    expect(csvField(null)).toBe("");
    expect(csvField(4)).toBe("4");
  });

  it("fails loudly when an export wrote a different number of rows than the query counts", () => {
    expect(() => checkCount(9, 10)).toThrow(/aborted, not truncated/);
    expect(() => checkCount(10, 10)).not.toThrow();
  });
});
