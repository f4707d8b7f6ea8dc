import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";
import { rawResponses, type CountScope } from "./report-counts";

type Db = Kysely<Database>;

/** One anonymized response: no dossier hash, no kiosk, no times finer than the day. */
export interface RawRow {
  id: string;
  version: number;
  submitted_date: string;
  unit: string;
  service: string | null;
  channel: string;
  locale: string;
  answers: Map<string, number | string>;
}

/** How many responses an export must contain (checked against what was written). */
export async function countRows(db: Db, s: CountScope, range: { from: string; to: string }): Promise<number> {
  const row = await rawResponses(db, s, range).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The scope's responses in pages of `size`, in (submitted_date, id) order with a keyset
 * cursor (index response_export_idx): memory stays flat, and each page is a range read.
 */
export async function* rowPages(db: Db, s: CountScope, range: { from: string; to: string }, size = 2000): AsyncGenerator<RawRow[]> {
  let after: { date: string; id: string } | null = null;
  for (;;) {
    let q = rawResponses(db, s, range)
      .innerJoin("unit as u", "u.id", "p.unit_id")
      .innerJoin("survey_version as v", "v.id", "p.survey_version_id")
      .leftJoin("service as sv", "sv.id", "p.service_id")
      .select(["p.id", "v.version", "p.submitted_date", "u.code as unit", "sv.code as service", "p.channel", "p.locale"]);
    if (after) {
      const a = after;
      q = q.where((eb) => eb.or([eb("p.submitted_date", ">", a.date), eb.and([eb("p.submitted_date", "=", a.date), eb("p.id", ">", a.id)])]));
    }
    const page = await q.orderBy("p.submitted_date").orderBy("p.id").limit(size).execute();
    if (!page.length) return;
    const answers = await db.selectFrom("answer").select(["response_id", "question_id", "code", "text"]).where("response_id", "in", page.map((p) => p.id)).execute();
    const byId = new Map(page.map((p) => [p.id, { ...p, version: Number(p.version), answers: new Map<string, number | string>() }]));
    for (const a of answers) byId.get(a.response_id)!.answers.set(a.question_id, a.code !== null ? Number(a.code) : (a.text ?? ""));
    yield [...byId.values()];
    if (page.length < size) return;
    const last = page[page.length - 1];
    after = { date: last.submitted_date, id: last.id };
  }
}
