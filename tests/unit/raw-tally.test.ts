import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { RawTally } from "../../app/metrics/raw-tally";
import { foldAnswers, unfoldAnswers } from "../../app/survey/folded-answers";
import { deriveIndexModel } from "../../app/survey/index-model";
import { cellVisitor, rollupCells } from "../../app/survey/rollup-cells";
import type { SurveyDefinition } from "../../app/survey/types";
import { generateAnswers, profileSurvey } from "../../scripts/seed/answers";
import { createRng } from "../../scripts/seed/prng";

const shipped = fs.readdirSync("survey-definitions").filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(fs.readFileSync(`survey-definitions/${f}`, "utf8")) as SurveyDefinition);

describe("raw rows counted like the roll-ups", () => {
  it.each(shipped.map((d) => [d.slug, d] as const))("%s: folded answers give the cells their insert added", (_slug, def) => {
    const model = deriveIndexModel(def);
    const rng = createRng(`cells-${def.slug}`);
    const profile = profileSurvey(def, rng);
    for (let i = 0; i < 200; i++) {
      const answers = generateAnswers(def, profile, rng, rng.next());
      const stored = unfoldAnswers(foldAnswers(def, answers));
      const fromRaw: Array<{ question_id: string; code: number }> = [];
      cellVisitor(def, model)((id) => stored.get(id), (question_id, code) => fromRaw.push({ question_id, code }));
      expect(fromRaw).toEqual(rollupCells(def, model, answers));
    }
  });

  it("tallies per unit and per service, keeping only the questions asked for", () => {
    const tally = new RawTally(["tc1", "@el/a"]);
    tally.response(7, 3);
    tally.cell("tc1", 5);
    tally.cell("tc2", 4); // not asked for
    tally.cell("@el/a", 0);
    tally.response(7, null);
    tally.cell("tc1", 5);
    tally.response(8, 3);
    tally.cell("tc1", 2);
    const r = tally.result();
    const sort = <T extends object>(rows: T[]) => rows.map((x) => JSON.stringify(x)).sort();
    expect(sort(r.cells)).toEqual(sort([
      { unit_id: 7, service_id: 0, question_id: "tc1", code: 5, count: 2 },
      { unit_id: 7, service_id: 0, question_id: "@el/a", code: 0, count: 1 },
      { unit_id: 8, service_id: 0, question_id: "tc1", code: 2, count: 1 },
    ]));
    expect(sort(r.serviceCells)).toEqual(sort([
      { unit_id: 0, service_id: 3, question_id: "tc1", code: 5, count: 1 },
      { unit_id: 0, service_id: 3, question_id: "@el/a", code: 0, count: 1 },
      { unit_id: 0, service_id: 3, question_id: "tc1", code: 2, count: 1 },
    ]));
    expect(sort(r.responses)).toEqual(sort([{ unit_id: 7, service_id: 0, count: 2 }, { unit_id: 8, service_id: 0, count: 1 }]));
    expect(r.serviceResponses).toEqual([{ unit_id: 0, service_id: 3, count: 2 }]);
  });
});
