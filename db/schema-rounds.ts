import type { Generated } from "kysely";
import type { Channel } from "./schema";

// The survey-round tables (migration 0012; part of the schema in db/schema.ts, kept apart for size).

export type RoundStatus = "draft" | "sampled" | "fieldwork" | "closed";

/** A survey round (migration 0012): a designed sample of completed dossiers. */
export interface SurveyRoundTable {
  id: Generated<number>;
  name: string;
  survey_id: number;
  survey_version_id: number;
  unit_id: number;
  date_from: string;
  date_to: string;
  margin: number;
  overdraw: number;
  seed: string;
  status: RoundStatus;
  frame_rows: Generated<number>;
  created_by: string;
  created_at: string;
  drawn_at: string | null;
  closed_at: string | null;
}

/** One dossier of a round's sampling frame (contacts sealed, NULL once the round closes). */
export interface RoundDossierTable {
  id: Generated<number>;
  round_id: number;
  row_no: number;
  unit_id: number;
  service_id: number;
  completed_date: string;
  dossier_hash: string;
  dossier_sealed: string | null;
  phone_hash: string | null;
  contact_sealed: string | null;
}

/** A drawn dossier: its code, invitation and what became of it. */
export interface RoundSampleTable {
  id: Generated<number>;
  round_id: number;
  dossier_id: number;
  unit_id: number;
  draw_order: number;
  code_hash: string;
  code_sealed: string | null;
  token_sealed: string | null;
  invitation_id: number;
  invited_at: string | null;
  reminded_at: string | null;
  undeliverable_at: string | null;
  response_id: string | null;
  responded_at: string | null;
  channel: Channel | null;
}
