import fs from "node:fs";
import path from "node:path";
import { migrateToLatest, type Db } from "../../db/index";
import { getSurveyBySlug } from "../../db/queries/surveys";
import { countTargets, insertTarget } from "../../db/queries/targets";
import { publishDefinition } from "./publish.server";

export const SURVEY_DEFINITIONS_DIR = path.resolve(process.cwd(), "survey-definitions");

/** Official targets (docs/method.md §4). Data, not code: admins add or change rows later. */
export const OFFICIAL_TARGETS = [
  { year: 2015, value: 60, source: "NQ 30c/NQ-CP (2011): trên 60% đến năm 2015" },
  { year: 2020, value: 80, source: "NQ 30c/NQ-CP (2011): trên 80% đến năm 2020" },
  { year: 2026, value: 95, source: "QĐ 282/QĐ-TTg: ≥ 95% giai đoạn 2026–2030" },
];

export async function seedOfficialTargets(db: Db): Promise<void> {
  if ((await countTargets(db)) > 0) return;
  for (const t of OFFICIAL_TARGETS) {
    await insertTarget(db, { year: t.year, scope: "overall", scopeKey: "", surveyId: null, value: t.value, source: t.source });
  }
}

/**
 * Publishes each shipped questionnaire the database does not have yet. A survey that
 * exists is left alone: its admins may have published newer versions of their own.
 */
export async function publishShippedSurveys(db: Db, dir = SURVEY_DEFINITIONS_DIR): Promise<string[]> {
  const published: string[] = [];
  if (!fs.existsSync(dir)) return published;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const json = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    if (typeof json?.slug === "string" && (await getSurveyBySlug(db, json.slug))) continue;
    const result = await publishDefinition(db, json, "system");
    if (!result.ok) throw new Error(`${file}: ${result.errors.map((e) => `${e.path} ${e.message}`).join("; ")}`);
    if (result.created) published.push(`${result.slug}@${result.version}`);
  }
  return published;
}

/** Migrations, shipped questionnaires and official targets: everything a fresh database needs. */
export async function prepareDatabase(db: Db): Promise<{ migrations: string[]; surveys: string[] }> {
  const migrations = await migrateToLatest(db);
  const surveys = await publishShippedSurveys(db);
  await seedOfficialTargets(db);
  return { migrations, surveys };
}
