import type { Summary } from "~/server/report.server";
import type { Theme } from "./comment-themes";
import type { ReportSettings } from "./document-model";
import type { PeriodTemplate } from "./period-template";

// What the report document is built from: the summary object of GET /api/v1/reports/summary
// (figures are never recomputed here) and a few things around it. Fields the summary may gain
// (change with its interval, per-unit change, weighting, perception indicators) are optional:
// the document prints them when present.

export type Interval = [number, number] | null;

export interface Change {
  delta: number | null;
  ci95?: Interval;
  significant?: boolean | null;
}

/** A perception indicator of the summary (app/metrics/indicators.ts): each option's share. */
export interface Indicator {
  id: string;
  n: number;
  options: Array<{ id: string; count: number; share: number | null; ci95: Interval }>;
}

export type DocumentSummary = Omit<Summary, "units"> & {
  change?: Change | null;
  weighted?: boolean;
  indicators?: Indicator[];
  units: Array<Summary["units"][number] & { change?: Change | null; thin?: boolean }>;
};

export interface TrendPointInput {
  month: string;
  index: number | null;
  n: number;
}

/** A survey round's sample design (method section): strata, frame size N, drawn, respondents. */
export interface RoundDesign {
  strata: number;
  N: number;
  drawn: number;
  respondents: number;
  /** Share (0–1) of the reachable drawn dossiers that answered; null before any is drawn. */
  responseRate: number | null;
  weighted: boolean;
}

export interface DocumentInput {
  summary: DocumentSummary;
  /** The comparison period's summary (figures only), or null when it could not be read. */
  previous: { period: { from: string; to: string }; index: number | null; units: Array<{ code: string; index: number | null }> } | null;
  trend: TrendPointInput[];
  /** Element, aspect and item (criterion) titles by id, in the document's language. */
  titles: Record<string, string>;
  /** Elements with their criteria, in questionnaire order. */
  elements: Array<{ id: string; items: string[] }>;
  survey: { title: string; version: number; source: string | null };
  unitName: string;
  settings: ReportSettings;
  /** null for a survey round: its comments are not sorted by theme (yet). */
  comments: { total: number; themes: Array<{ theme: Theme; count: number }> } | null;
  period: PeriodTemplate;
  /** Only for a survey round. */
  design?: RoundDesign;
  /** ISO date the document is dated. */
  today: string;
}
