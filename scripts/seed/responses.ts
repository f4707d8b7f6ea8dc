import { foldAnswers } from "../../app/survey/folded-answers";
import type { PreparedInsert } from "../../db/queries/responses";
import type { Channel } from "../../db/schema";
import { answerRows, contentHash } from "../../app/server/ingest.server";
import { rollupCells } from "../../app/survey/rollup-cells";
import type { LoadedVersion } from "../../app/server/survey-versions.server";
import { monthOf, vnDate } from "../../app/metrics/periods";
import { validateAnswers } from "../../app/survey/validate-answers";
import { generateAnswers, profileSurvey, type SurveyProfile } from "./answers";
import { addDays, counterMinute, dayWeight, daysEnding, onlineMinute, vnInstant } from "./calendar";
import { clamp, weightedPicker, type Rng } from "./prng";
import type { SeedStructure, SeedUnit } from "./structure";

// A year of responses ending now, built as PreparedInsert rows (the same shape the API's
// ingest produces), so the insert path and the roll-ups are exactly the production ones.

/** Which questionnaire a channel uses (shares; missing surveys are left out). */
const SURVEY_MIX: Record<Channel, Record<string, number>> = {
  kiosk: { nhanh: 0.45, "sipas-2017": 0.4, "danh-gia-tthc": 0.15 },
  online: { "sipas-2017": 0.85, "danh-gia-tthc": 0.15 },
  paper: { "sipas-2017": 1 },
};

/** Seconds a respondent spends on a form. */
const DURATION: Record<string, [number, number]> = { nhanh: [6, 40], "danh-gia-tthc": [60, 240] };

/** Share of responses given to the closed pre-reform units, dated before the reform. */
export const HISTORY_SHARE = 0.03;

export interface GenerateOptions {
  total: number;
  now: Date;
  rng: Rng;
  structure: SeedStructure;
  versions: LoadedVersion[];
  /** Counts responses per unit × service × month (for dossier counts). */
  tally: Map<string, number>;
}

function pickChannel(rng: Rng, unit: SeedUnit): Channel {
  const r = rng.next();
  if (unit.kioskIds.length) return r < 0.85 ? "kiosk" : r < 0.97 ? "online" : "paper";
  return r < 0.9 ? "online" : "paper";
}

export function* generateResponses(o: GenerateOptions): Generator<PreparedInsert> {
  const { rng, now, structure } = o;
  const bySlug = new Map(o.versions.map((v) => [v.slug, v]));
  const profiles = new Map<string, SurveyProfile>(o.versions.map((v) => [v.slug, profileSurvey(v.definition, rng)]));
  const surveyPickers = Object.fromEntries(
    (Object.keys(SURVEY_MIX) as Channel[]).map((channel) => {
      const slugs = Object.keys(SURVEY_MIX[channel]).filter((s) => bySlug.has(s));
      const fallback = o.versions.map((v) => v.slug);
      const list = slugs.length ? slugs : fallback;
      const pick = weightedPicker(list.map((s) => SURVEY_MIX[channel][s] ?? 1));
      return [channel, () => list[pick(rng)]];
    }),
  ) as Record<Channel, () => string>;

  const today = vnDate(now);
  const days = daysEnding(today, 365);
  const pickDay = weightedPicker(days.map(dayWeight));
  const closed = structure.units.filter((u) => u.kind === "closed");
  const history = closed.length ? Math.round(o.total * HISTORY_SHARE) : 0;
  const pickClosed = closed.length ? weightedPicker(closed.map((u) => u.weight)) : () => 0;
  const eligibleCache = new Map<string, { units: SeedUnit[]; pick: (r: Rng) => number }>();
  const eligible = (date: string) => {
    const units = structure.units.filter((u) => (!u.validFrom || u.validFrom <= date) && (!u.validTo || date < u.validTo));
    const key = units.map((u) => u.id).join(",");
    let hit = eligibleCache.get(key);
    if (!hit) eligibleCache.set(key, (hit = { units, pick: weightedPicker(units.map((u) => u.weight)) }));
    return hit;
  };
  const servicePickers = new Map(structure.units.map((u) => [u.id, u.serviceIds.length ? weightedPicker(u.serviceWeights) : undefined]));

  for (let i = 0; i < o.total; i++) {
    let unit: SeedUnit;
    let date: string;
    if (i < history) {
      unit = closed[pickClosed(rng)];
      do date = addDays(unit.validTo!, -1 - Math.floor(rng.next() * 180));
      while (rng.next() > dayWeight(date));
    } else {
      date = days[pickDay(rng)];
      const set = eligible(date);
      unit = set.units[set.pick(rng)];
    }
    const channel = pickChannel(rng, unit);
    const slug = surveyPickers[channel]();
    const version = bySlug.get(slug)!;
    const pickService = servicePickers.get(unit.id);
    const serviceId = pickService && rng.chance(0.92) ? unit.serviceIds[pickService(rng)] : null;

    let submitted = vnInstant(date, channel === "online" ? onlineMinute(rng) : counterMinute(rng));
    while (submitted > now.getTime()) submitted -= 24 * 3600 * 1000; // today, before the office opened
    const dayIndex = (submitted - (now.getTime() - 365 * 86400_000)) / (365 * 86400_000);
    // Unit quality, a slow improvement over the year, the channel, and the person.
    const p = clamp(
      unit.quality + 0.04 * (dayIndex - 0.5) + (channel === "online" ? -0.02 : 0.01) + (slug === "nhanh" ? 0.02 : 0) + 0.07 * rng.normal(),
      0.2,
      0.99,
    );
    const raw = generateAnswers(version.definition, profiles.get(slug)!, rng, p);
    const checked = validateAnswers(version.definition, raw);
    if (!checked.ok) throw new Error(`demo generator produced invalid answers for ${slug}: ${JSON.stringify(checked.errors)}`);
    const answers = checked.answers;

    const [minS, maxS] = DURATION[slug] ?? [180, 600];
    const startedAt = new Date(submitted - (minS + rng.next() * (maxS - minS)) * 1000).toISOString();
    const delay = channel === "paper" ? (1 + rng.next() * 9) * 86400_000 : channel === "kiosk" ? 300 + rng.next() * 4000 : 100 + rng.next() * 900;
    const receivedAt = new Date(Math.min(now.getTime(), submitted + delay)).toISOString();
    const submittedAt = new Date(submitted).toISOString();
    const submittedDate = vnDate(submittedAt);
    const locale = channel === "online" && rng.chance(0.03) ? "en" : "vi";
    // Time-ordered ids (like many clients send): inserts stay local in the answer index.
    const id = rng.uuid7(submitted);
    const serviceCode = serviceId === null ? null : structure.codeOfService.get(serviceId)!;
    const body = { id, survey: slug, version: version.version, unit: unit.code, service: serviceCode, channel, locale, startedAt, submittedAt, answers };
    const month = monthOf(submittedDate);
    if (serviceId !== null) {
      const key = `${unit.id}|${serviceId}|${month}`;
      o.tally.set(key, (o.tally.get(key) ?? 0) + 1);
    }
    yield {
      response: {
        id,
        survey_id: version.surveyId,
        survey_version_id: version.id,
        unit_id: unit.id,
        service_id: serviceId,
        channel,
        kiosk_id: channel === "kiosk" ? rng.pick(unit.kioskIds) : null,
        dossier_hash: null,
        locale,
        started_at: startedAt,
        submitted_at: submittedAt,
        submitted_date: submittedDate,
        received_at: receivedAt,
        content_hash: contentHash(body),
        answers_folded: foldAnswers(version.definition, answers),
      },
      answers: answerRows(id, answers),
      month,
      cells: rollupCells(version.definition, version.indexModel, answers),
    };
  }
}
