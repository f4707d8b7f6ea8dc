// Bulk data for scripts/bench-reports.ts: a province of departments and communes, a catalogue
// of services, and random sipas-2017 responses written straight through insertResponses in
// big transactions (the same rows and roll-ups the API writes, without HTTP and validation).
import { foldAnswers } from "../app/survey/folded-answers";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/index";
import { insertResponses, type PreparedInsert } from "../db/queries/responses";
import { upsertService } from "../db/queries/services";
import { upsertUnit } from "../db/queries/units";
import { answerRows } from "../app/server/ingest.server";
import { rollupCells } from "../app/survey/rollup-cells";
import { loadPublishedVersion, type LoadedVersion } from "../app/server/survey-versions.server";
import type { AnswerSet } from "../app/survey/types";
import type { Channel } from "../db/schema";

export interface Province {
  unitIds: number[];
  serviceIds: number[];
  version: LoadedVersion;
}

export async function seedProvince(db: Db, departments = 30, communes = 100, services = 60): Promise<Province> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await upsertUnit(trx, { code: "T", name: "Tỉnh Đo Tốc Độ", level: "tinh", parentCode: null }, now);
    for (let i = 1; i <= departments; i++) await upsertUnit(trx, { code: `S${i}`, name: `Sở ${i}`, level: "so", parentCode: "T" }, now);
    for (let i = 1; i <= communes; i++) await upsertUnit(trx, { code: `X${i}`, name: `Xã ${i}`, level: "xa", parentCode: "T" }, now);
    for (let i = 1; i <= services; i++) await upsertService(trx, { code: `1.${String(i).padStart(6, "0")}`, name: `Thủ tục ${i}`, field: "Khác", level: "xa" }, now);
  });
  const units = await db.selectFrom("unit").select("id").where("code", "!=", "T").execute();
  const svc = await db.selectFrom("service").select("id").execute();
  const version = (await loadPublishedVersion(db, "sipas-2017"))!;
  return { unitIds: units.map((u) => u.id), serviceIds: svc.map((s) => s.id), version };
}

const CHANNELS: Channel[] = ["kiosk", "online", "paper"];
const ITEMS = Array.from({ length: 22 }, (_, i) => `tc${i + 1}`);

/** One random response in 2026: most answers 4–5, some missing, a few demographic answers. */
export function randomResponse(p: Province, random: () => number): PreparedInsert {
  const id = randomUUID();
  const answers: AnswerSet = {};
  const mood = random();
  for (const item of ITEMS) {
    if (random() < 0.08) continue;
    const r = random();
    answers[item] = mood > 0.3 ? (r < 0.55 ? 5 : r < 0.9 ? 4 : 3) : 1 + Math.floor(r * 5);
  }
  answers["gioi-tinh"] = random() < 0.5 ? "nam" : "nu";
  answers["do-tuoi"] = ["18-24", "25-34", "35-49", "50-60", "tren-60"][Math.floor(random() * 5)];
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const date = `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const at = `${date}T02:00:00.000Z`;
  return {
    response: {
      id,
      survey_id: p.version.surveyId,
      survey_version_id: p.version.id,
      unit_id: p.unitIds[Math.floor(random() * p.unitIds.length)],
      service_id: random() < 0.8 ? p.serviceIds[Math.floor(random() * p.serviceIds.length)] : null,
      channel: CHANNELS[Math.floor(random() * 3)],
      kiosk_id: null,
      dossier_hash: null,
      locale: "vi",
      started_at: null,
      submitted_at: at,
      submitted_date: date,
      received_at: at,
      content_hash: id,
      answers_folded: foldAnswers(p.version.definition, answers),
    },
    answers: answerRows(id, answers),
    month: date.slice(0, 7),
    cells: rollupCells(p.version.definition, p.version.indexModel, answers),
  };
}

/** Adds `count` responses in transactions of `batch`. */
export async function addResponses(db: Db, p: Province, count: number, random: () => number, batch = 5000, onBatch?: (done: number) => void) {
  for (let done = 0; done < count; done += batch) {
    const items = Array.from({ length: Math.min(batch, count - done) }, () => randomResponse(p, random));
    await db.transaction().execute((trx) => insertResponses(trx, items));
    onBatch?.(done + items.length);
  }
}
