import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";
import { rawResponses, type CountScope } from "./report-scope";

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
  /** The answers as folded when stored: writers unfold them (app/survey/folded-answers.ts). */
  folded: string;
}

/** How many responses an export must contain (checked against what was written). */
export async function countRows(db: Db, s: CountScope, range: { from: string; to: string }): Promise<number> {
  const row = await rawResponses(db, s, range).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

type Cursor = { date: string; id: string } | null;

function exportPage(db: Db, s: CountScope, range: { from: string; to: string }, after: Cursor, size: number) {
  // After the first page the cursor is the only lower bound: with `from` beside it, SQLite
  // may seek on the date alone and re-read the cursor's whole day on every page.
  let q = rawResponses(db, s, { from: after ? null : range.from, to: range.to })
    .select(["p.id", "p.survey_version_id", "p.submitted_date", "p.unit_id", "p.service_id", "p.channel", "p.locale", "p.answers_folded as answers"]);
  if (after) {
    // A row-value comparison: both dialects read it as one range of response_export_idx.
    q = q.where((eb) => eb(eb.refTuple("p.submitted_date", "p.id"), ">", eb.tuple(after.date, after.id)));
  }
  return q.orderBy("p.submitted_date").orderBy("p.id").limit(size).execute();
}

/**
 * The scope's responses as stored, in pages of `size` in (submitted_date, id) order (keyset
 * cursor over response_export_idx, which covers these columns on SQLite).
 */
export async function* scopePages(db: Db, s: CountScope, range: { from: string; to: string }, size = 2000) {
  let after: Cursor = null;
  for (;;) {
    const cursor = after;
    const page = await exportPage(db, s, range, cursor, size);
    if (page.length) yield page;
    if (page.length < size) return;
    const last = page[page.length - 1];
    after = { date: last.submitted_date, id: last.id };
  }
}

/**
 * The scope's responses in pages of `size`, in (submitted_date, id) order with a keyset
 * cursor (index response_export_idx): memory stays flat, and each page is a range read.
 */
export async function* rowPages(db: Db, s: CountScope, range: { from: string; to: string }, options: { size?: number } = {}): AsyncGenerator<RawRow[]> {
  const size = options.size ?? 2000;
  const [units, versions, services] = await Promise.all([
    db.selectFrom("unit").select(["id", "code"]).execute(),
    db.selectFrom("survey_version").select(["id", "version"]).execute(),
    db.selectFrom("service").select(["id", "code"]).execute(),
  ]);
  const unitCode = new Map(units.map((u) => [u.id, u.code]));
  const versionNo = new Map(versions.map((v) => [v.id, Number(v.version)]));
  const serviceCode = new Map(services.map((v) => [v.id, v.code]));
  for await (const page of scopePages(db, s, range, size)) {
    yield page.map((p) => ({
      id: p.id,
      version: versionNo.get(p.survey_version_id) ?? 0,
      submitted_date: p.submitted_date,
      unit: unitCode.get(p.unit_id) ?? "",
      service: p.service_id === null ? null : (serviceCode.get(p.service_id) ?? null),
      channel: p.channel,
      locale: p.locale,
      folded: p.answers,
    }));
  }
}
