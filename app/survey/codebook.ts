import type { Question, SurveyDefinition } from "./types";

// Columns of the raw-response exports and their codebook. Pure.
// Left out: personal text questions (name, phone, ID) and consent ticks — an export is
// anonymized; free comments stay (Sở Nội vụ reads them), personal fields never leave.

export interface ExportColumn {
  id: string;
  type: Question["type"];
  section: string;
  label: string;
}

/** Personal text (name, phone, ID) and consent ticks: never in an export. */
export const isPrivateQuestion = (q: Question): boolean => q.type === "consent" || (q.type === "text" && q.personal === true);

export function exportColumns(def: SurveyDefinition): ExportColumn[] {
  return def.sections.flatMap((s) =>
    s.questions
      .filter((q) => !isPrivateQuestion(q))
      .map((q) => ({ id: q.id, type: q.type, section: s.id, label: q.label.vi })),
  );
}

/** One codebook line per question, and one per option / scale code. */
export function codebookRows(def: SurveyDefinition): string[][] {
  const scale = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];
  const rows: string[][] = [];
  for (const s of def.sections) {
    for (const q of s.questions) {
      if (isPrivateQuestion(q)) continue;
      rows.push([q.id, q.type, s.id, "", q.label.vi]);
      if (q.type === "scale5") {
        scale.forEach((label, i) => rows.push([q.id, "", "", String(i + 1), label]));
        if (q.allowNA) rows.push([q.id, "", "", "na", "Không áp dụng"]);
      } else if (q.type === "single" || q.type === "multi") {
        for (const o of q.options) rows.push([q.id, "", "", o.id, o.label.vi]);
      } else if (q.type === "yesno") {
        rows.push([q.id, "", "", "yes", "Có"], [q.id, "", "", "no", "Không"]);
      } else if (q.type === "smiley" || q.type === "stars") {
        const max = q.type === "smiley" ? q.levels : q.max;
        for (let i = 1; i <= max; i++) rows.push([q.id, "", "", String(i), String(i)]);
      }
    }
  }
  return rows;
}

/** Fixed columns before the questions; ids are the responses' random UUIDs (see docs/decisions/004). */
export const FIXED_COLUMNS = ["response_id", "version", "submitted_date", "unit", "service", "channel", "locale"] as const;

/**
 * RFC 4180 field: quoted when it holds a comma, quote or line break. Multi answers are stored
 * "a;b". Text starting with = + - @ tab or CR would run as a formula in a spreadsheet
 * (a citizen's comment "=HYPERLINK(…)"): it gets a leading apostrophe, which spreadsheets
 * show as text. Numbers are written as they are.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
