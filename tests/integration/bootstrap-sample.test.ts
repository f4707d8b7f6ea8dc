// The bootstrap sample must be a random sample of the scope even when clients send
// time-ordered UUID v7 ids: early and late responses are equally likely to be drawn
// (docs/decisions/004-intervals.md). Runs once per dialect.
import { afterAll, beforeAll, expect, it } from "vitest";
import { insertResponses } from "../../db/queries/responses";
import { createRng } from "../../scripts/seed/prng";
import { answerRows } from "../../app/server/ingest.server";
import { resolveReport } from "../../app/server/report.server";
import { readSample } from "../../app/server/report-intervals.server";
import { loadPublishedVersion } from "../../app/server/survey-versions.server";
import { foldAnswers } from "../../app/survey/folded-answers";
import { rollupCells } from "../../app/survey/rollup-cells";
import { seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
const N = 1200;
const QUERY = { survey: "sipas-2017", from: "2026-03-01", to: "2026-03-31" };

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  const version = (await loadPublishedVersion(app.t.db, "sipas-2017"))!;
  const unit = await app.t.db.selectFrom("unit").select("id").where("code", "=", "X1").executeTakeFirstOrThrow();
  const rng = createRng("v7-sample");
  const start = Date.parse("2026-03-01T01:00:00Z");
  // The first half of the month everyone is satisfied, the second half nobody is.
  const items = Array.from({ length: N }, (_, i) => {
    const at = start + i * 30 * 60_000;
    const id = rng.uuid7(at);
    const answers = { tc1: i < N / 2 ? 5 : 1 };
    const iso = new Date(at).toISOString();
    return {
      response: {
        id, survey_id: version.surveyId, survey_version_id: version.id, unit_id: unit.id, service_id: null, channel: "paper" as const,
        kiosk_id: null, dossier_hash: null, locale: "vi", started_at: null, submitted_at: iso, submitted_date: iso.slice(0, 10),
        received_at: iso, content_hash: id, answers_folded: foldAnswers(version.definition, answers),
      },
      answers: answerRows(id, answers),
      month: iso.slice(0, 7),
      cells: rollupCells(version.definition, version.indexModel, answers),
    };
  });
  await app.t.db.transaction().execute((trx) => insertResponses(trx, items));
}, 60_000);
afterAll(async () => app?.stop());

it("draws early and late responses alike when ids are time-ordered (UUID v7)", async () => {
  const report = await resolveReport(app.t.db, QUERY, { unitId: null });
  const sample = await readSample(app.t.db, report.scope, QUERY, report.model, N);
  expect(sample.all).toHaveLength(500);
  const satisfied = sample.all.filter((v) => v[0] === 1).length;
  // Binomial(500, ½): 250 ± 3σ (σ ≈ 11). Ordered by id, all 500 would be satisfied.
  expect(satisfied).toBeGreaterThan(216);
  expect(satisfied).toBeLessThan(284);
});
