import type { Channel } from "./schema";

// The report roll-up tables (part of the schema in db/schema.ts, kept apart for size).

/**
 * A roll-up cell one response adds to: an item's code (1..5) or an element's participation
 * (code 0). app/survey/rollup-cells.ts decides which cells a response has; db/ stores them.
 */
export interface RollupCell {
  question_id: string;
  code: number;
}

/** Receives one cell (raw counts for days outside whole months use the same cells). */
export type EmitCell = (questionId: string, code: number) => void;

/**
 * Report roll-up: how many answers of each code a question got, per month, unit, service
 * and channel. Maintained in the same transaction as the response insert.
 * `service_id` 0 means "no service given" so the key stays NOT NULL for upserts.
 */
export interface RollupAnswerTable {
  survey_id: number;
  survey_version_id: number;
  month: string;
  unit_id: number;
  service_id: number;
  channel: Channel;
  question_id: string;
  code: number;
  count: number;
}

/** Responses per month × unit × service × channel (the `n` of reports). */
export interface RollupResponseTable {
  survey_id: number;
  survey_version_id: number;
  month: string;
  unit_id: number;
  service_id: number;
  channel: Channel;
  count: number;
}

/**
 * Coarse report roll-ups (migration 0004): per unit (no service, no version) and per service
 * (no unit); `channel` "*" holds all channels, beside one row per channel; `period` a month or a year.
 */
export interface RollupUnitAnswerTable {
  survey_id: number;
  channel: string;
  unit_id: number;
  question_id: string;
  code: number;
  /** "YYYY-MM" (a month) or "YYYY" (the whole year). */
  period: string;
  count: number;
}
export interface RollupUnitResponseTable {
  survey_id: number;
  channel: string;
  unit_id: number;
  /** "YYYY-MM" (a month) or "YYYY" (the whole year). */
  period: string;
  count: number;
}
export interface RollupServiceAnswerTable {
  survey_id: number;
  channel: string;
  service_id: number;
  question_id: string;
  code: number;
  /** "YYYY-MM" (a month) or "YYYY" (the whole year). */
  period: string;
  count: number;
}
export interface RollupServiceResponseTable {
  survey_id: number;
  channel: string;
  service_id: number;
  /** "YYYY-MM" (a month) or "YYYY" (the whole year). */
  period: string;
  count: number;
}
