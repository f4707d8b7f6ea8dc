import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { keptOnIdle, type SessionDraft } from "../../app/kiosk/flow";
import { fieldStarts, orderByUse, servicePages } from "../../app/kiosk/service-pages";
import type { KioskService } from "../../app/kiosk/types";
import type { SurveyDefinition } from "../../app/survey/types";

const nhanh = JSON.parse(fs.readFileSync("survey-definitions/nhanh.json", "utf8")) as SurveyDefinition;
const svc = (code: string, name: string, field: string, uses = 0): KioskService => ({ code, name, field, uses });

describe("kiosk procedure pages", () => {
  it("orders by use, then by Vietnamese name", () => {
    const list = [svc("a", "Chứng thực bản sao", "CT"), svc("b", "Đăng ký khai sinh", "HT", 9), svc("c", "Cấp giấy phép", "XD")];
    expect(orderByUse(list).map((s) => s.code)).toEqual(["b", "c", "a"]);
  });

  it("puts everything on one page when it fits", () => {
    const pages = servicePages([svc("a", "A", "X"), svc("b", "B", "Y", 1)], 8);
    expect(pages).toEqual([{ field: null, items: [svc("b", "B", "Y", 1), svc("a", "A", "X")] }]);
  });

  it("leads with the most used page, then every field (busiest first) in pages, each procedure on a field page", () => {
    const list = [
      ...Array.from({ length: 5 }, (_, i) => svc(`h${i}`, `Hộ tịch ${i}`, "Hộ tịch", i === 0 ? 10 : 0)),
      ...Array.from({ length: 3 }, (_, i) => svc(`d${i}`, `Đất đai ${i}`, "Đất đai", 1)),
      svc("c0", "Chứng thực 0", "Chứng thực"),
    ];
    const pages = servicePages(list, 4);
    expect(pages.map((p) => [p.field, p.items.map((s) => s.code)])).toEqual([
      [null, ["h0", "d0", "d1", "d2"]],
      ["Hộ tịch", ["h0", "h1", "h2", "h3"]],
      ["Hộ tịch", ["h4"]],
      ["Đất đai", ["d0", "d1", "d2"]],
      ["Chứng thực", ["c0"]],
    ]);
    expect(fieldStarts(pages)).toEqual([{ field: "Hộ tịch", page: 1 }, { field: "Đất đai", page: 3 }, { field: "Chứng thực", page: 4 }]);
  });

  it("has no most-used page when nothing has been used yet", () => {
    const list = Array.from({ length: 9 }, (_, i) => svc(`s${i}`, `S${i}`, i < 5 ? "A" : "B"));
    expect(servicePages(list, 8).map((p) => p.field)).toEqual(["A", "B"]);
  });
});

describe("kiosk idle", () => {
  const draft = (answers: SessionDraft["answers"]): SessionDraft => ({ id: "x", startedAt: "2026-01-01T00:00:00Z", answers, service: null, dossier: null, bindingId: null });
  it("keeps a draft with a tapped face, wipes an empty one", () => {
    expect(keptOnIdle(nhanh, draft({ "muc-do": 5 }))).toBe(true);
    expect(keptOnIdle(nhanh, draft({}))).toBe(false);
    expect(keptOnIdle(nhanh, null)).toBe(false);
  });
});
