import { PostgresAdapter, sql, type Kysely } from "kysely";
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
  /** The answers as folded by SQL (see `foldedAnswers`), for writers that parse it themselves. */
  folded: string | null;
}

/** How many responses an export must contain (checked against what was written). */
export async function countRows(db: Db, s: CountScope, range: { from: string; to: string }): Promise<number> {
  const row = await rawResponses(db, s, range).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A response's answers folded into one string in SQL ("q\x1ev\x1fq\x1ev…", texts marked
 * with \x1d): one row per response instead of one per answer, which is what makes exports
 * fast. Separator characters inside texts become spaces.
 */
function foldedAnswers(db: Db) {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const value = pg
    ? sql`case when a.code is null then chr(29) || replace(replace(a.text, chr(30), ' '), chr(31), ' ') else a.code::text end`
    : sql`case when a.code is null then char(29) || replace(replace(a.text, char(30), ' '), char(31), ' ') else a.code end`;
  return pg
    ? sql<string | null>`(select string_agg(a.question_id || chr(30) || ${value}, chr(31)) from answer a where a.response_id = p.id)`
    : sql<string | null>`(select group_concat(a.question_id || char(30) || ${value}, char(31)) from answer a where a.response_id = p.id)`;
}

export function unfold(folded: string | null): Map<string, number | string> {
  const out = new Map<string, number | string>();
  if (!folded) return out;
  for (const pair of folded.split("\x1f")) {
    const cut = pair.indexOf("\x1e");
    const v = pair.slice(cut + 1);
    out.set(pair.slice(0, cut), v.charCodeAt(0) === 29 ? v.slice(1) : Number(v));
  }
  return out;
}

/**
 * The scope's responses in pages of `size`, in (submitted_date, id) order with a keyset
 * cursor (index response_export_idx): memory stays flat, and each page is a range read.
 */
export async function* rowPages(db: Db, s: CountScope, range: { from: string; to: string }, options: { size?: number; unfold?: boolean } = {}): AsyncGenerator<RawRow[]> {
  const size = options.size ?? 2000;
  let after: { date: string; id: string } | null = null;
  const [units, versions, services] = await Promise.all([
    db.selectFrom("unit").select(["id", "code"]).execute(),
    db.selectFrom("survey_version").select(["id", "version"]).execute(),
    db.selectFrom("service").select(["id", "code"]).execute(),
  ]);
  const unitCode = new Map(units.map((u) => [u.id, u.code]));
  const versionNo = new Map(versions.map((v) => [v.id, Number(v.version)]));
  const serviceCode = new Map(services.map((v) => [v.id, v.code]));
  for (;;) {
    let q = rawResponses(db, s, range).select(["p.id", "p.survey_version_id", "p.submitted_date", "p.unit_id", "p.service_id", "p.channel", "p.locale", foldedAnswers(db).as("answers")]);
    if (after) {
      const a = after;
      // A row-value comparison: both dialects read it as one range of response_export_idx.
      q = q.where((eb) => eb(eb.refTuple("p.submitted_date", "p.id"), ">", eb.tuple(a.date, a.id)));
    }
    const page = await q.orderBy("p.submitted_date").orderBy("p.id").limit(size).execute();
    if (!page.length) return;
    yield page.map((p) => ({
      id: p.id,
      version: versionNo.get(p.survey_version_id) ?? 0,
      submitted_date: p.submitted_date,
      unit: unitCode.get(p.unit_id) ?? "",
      service: p.service_id === null ? null : (serviceCode.get(p.service_id) ?? null),
      channel: p.channel,
      locale: p.locale,
      answers: options.unfold === false ? new Map() : unfold(p.answers),
      folded: p.answers,
    }));
    if (page.length < size) return;
    const last = page[page.length - 1];
    after = { date: last.submitted_date, id: last.id };
  }
}
