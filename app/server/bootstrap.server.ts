import fs from "node:fs";
import path from "node:path";
import { migrateToLatest, type Db } from "../../db/index";
import { getSurveyBySlug, latestPublisher } from "../../db/queries/surveys";
import { countTargets, insertTarget } from "../../db/queries/targets";
import { publishDefinition } from "./publish.server";

/** The publisher of shipped questionnaires (audit actor and `published_by`). */
const SHIPPED_BY = "system";

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
 * Publishes each shipped questionnaire the database does not have yet, and a shipped
 * questionnaire that changed (e.g. the health forms' pooled-all index) as the next version
 * when its newest version is still the shipped one. A survey whose admins published a
 * version of their own is left alone. Identical content publishes nothing.
 */
export async function publishShippedSurveys(db: Db, dir = SURVEY_DEFINITIONS_DIR): Promise<string[]> {
  const published: string[] = [];
  if (!fs.existsSync(dir)) return published;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const json = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    const existing = typeof json?.slug === "string" ? await getSurveyBySlug(db, json.slug) : undefined;
    if (existing && (await latestPublisher(db, existing.id)) !== SHIPPED_BY) continue;
    const result = await publishDefinition(db, json, SHIPPED_BY);
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
