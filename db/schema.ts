import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type {
  RollupAnswerTable, RollupResponseTable, RollupServiceAnswerTable, RollupServiceResponseTable, RollupUnitAnswerTable, RollupUnitResponseTable,
} from "./schema-rollups";

import type { RoundDossierTable, RoundSampleTable, SurveyRoundTable } from "./schema-rounds";

export type { RoundDossierTable, RoundSampleTable, RoundStatus, SurveyRoundTable } from "./schema-rounds";
export type {
  RollupAnswerTable, RollupResponseTable, RollupServiceAnswerTable, RollupServiceResponseTable, RollupUnitAnswerTable, RollupUnitResponseTable,
} from "./schema-rollups";

// Times are ISO 8601 strings in UTC; `*_date` / `month` columns are calendar values in
// Asia/Ho_Chi_Minh, computed at write time so both dialects group by plain text.
// Flags are integers (0/1) because SQLite has no boolean and the code must not care.

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: number | null;
  created_at: string;
}

/** Every (ancestor, descendant) pair of the unit tree, itself included at depth 0. */
export interface UnitClosureTable {
  ancestor_id: number;
  descendant_id: number;
  depth: number;
}

export interface ServiceTable {
  id: Generated<number>;
  code: string;
  name: string;
  field: string;
  level: string;
  created_at: string;
}

export interface UnitServiceTable {
  unit_id: number;
  service_id: number;
}

export interface SurveyTable {
  id: Generated<number>;
  slug: string;
  title_vi: string;
  title_en: string;
  created_at: string;
}

export type SurveyVersionStatus = "draft" | "published" | "retired";

export interface SurveyVersionTable {
  id: Generated<number>;
  survey_id: number;
  version: number;
  status: SurveyVersionStatus;
  definition: string;
  index_model: string;
  content_hash: string;
  created_at: string;
  published_at: string | null;
  published_by: string | null;
  retired_at: string | null;
}

export const CHANNELS = ["kiosk", "online", "paper", "phone"] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ResponseTable {
  id: string;
  survey_id: number;
  survey_version_id: number;
  unit_id: number;
  service_id: number | null;
  channel: Channel;
  kiosk_id: number | null;
  dossier_hash: string | null;
  locale: string;
  started_at: string | null;
  submitted_at: string;
  submitted_date: string;
  received_at: string;
  content_hash: string;
  /** Exportable answers folded into one string (app/survey/folded-answers.ts). */
  answers_folded: string;
}

/** One row per answered question. `code` holds scale/number answers, `text` the rest. */
export interface AnswerTable {
  response_id: string;
  question_id: string;
  code: number | null;
  text: string | null;
}


export interface KioskTable {
  id: Generated<number>;
  unit_id: number;
  counter: string | null;
  name: string;
  token_hash: string;
  setup_hash: string | null;
  setup_expires_at: string | null;
  survey_id: number | null;
  service_id: number | null;
  status: "active" | "revoked";
  last_seen_at: string | null;
  queued_reported: number | null;
  created_at: string;
  revoked_at: string | null;
}

/** A pending "next citizen" binding of a kiosk (one live row per kiosk at most). */
export interface KioskBindingTable {
  id: Generated<number>;
  kiosk_id: number;
  dossier_sealed: string | null;
  service_id: number | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  done_at: string | null;
}

export interface InvitationTable {
  id: Generated<number>;
  token_hash: string;
  survey_id: number;
  unit_id: number;
  service_id: number | null;
  dossier_hash: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** Least privileged first: a new user starts as the first. */
export const ROLES = ["analyst", "designer", "unit-manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: Role;
  unit_id: number | null;
  disabled: Generated<number>;
  created_at: string;
  password_changed_at: string;
}

export interface SessionTable {
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** API tokens also have `federation`: a province pushing its roll-ups to the national instance (no other right). */
export type TokenRole = Role | "federation";

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  role: TokenRole;
  unit_id: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type TargetScope = "overall" | "element" | "unit" | "service";

export interface TargetTable {
  id: Generated<number>;
  year: number;
  scope: TargetScope;
  /** element id, unit code or service code; '' for overall. */
  scope_key: string;
  /** null = applies to every survey. */
  survey_id: number | null;
  value: number;
  source: string | null;
}

export interface DossierCountTable {
  unit_id: number;
  service_id: number;
  month: string;
  count: number;
  /** Dossiers with a complaint (phản ánh, kiến nghị); null = not reported. */
  complaints: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

export type FollowupStatus = "new" | "in-progress" | "answered";

/** Follow-up of a response's comments and low scores (migration 0006). */
export interface CommentFollowupTable {
  response_id: string;
  status: FollowupStatus;
  note: string | null;
  updated_at: string;
  updated_by: string;
}

/** Issuer and signer of the report document, per unit-tree root (recipients one a line). */
export interface ReportSettingTable {
  root_unit_id: number;
  parent_body: string;
  issuer: string;
  short_code: string;
  place: string;
  signer_title: string;
  signer_name: string;
  recipients: string;
  updated_at: string;
  updated_by: string;
}

export interface Database {
  unit: UnitTable;
  unit_closure: UnitClosureTable;
  service: ServiceTable;
  unit_service: UnitServiceTable;
  survey: SurveyTable;
  survey_version: SurveyVersionTable;
  response: ResponseTable;
  answer: AnswerTable;
  rollup_answer: RollupAnswerTable;
  rollup_response: RollupResponseTable;
  rollup_unit_answer: RollupUnitAnswerTable;
  rollup_unit_response: RollupUnitResponseTable;
  rollup_service_answer: RollupServiceAnswerTable;
  rollup_service_response: RollupServiceResponseTable;
  kiosk: KioskTable;
  kiosk_binding: KioskBindingTable;
  invitation: InvitationTable;
  app_user: AppUserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  target: TargetTable;
  dossier_count: DossierCountTable;
  audit_log: AuditLogTable;
  comment_followup: CommentFollowupTable;
  survey_round: SurveyRoundTable;
  round_dossier: RoundDossierTable;
  round_sample: RoundSampleTable;
  report_setting: ReportSettingTable;
}

export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type Service = Selectable<ServiceTable>;
export type NewService = Insertable<ServiceTable>;
export type Survey = Selectable<SurveyTable>;
export type SurveyVersion = Selectable<SurveyVersionTable>;
export type ResponseRow = Selectable<ResponseTable>;
export type NewResponse = Insertable<ResponseTable>;
export type NewAnswer = Insertable<AnswerTable>;
export type Kiosk = Selectable<KioskTable>;
export type AppUser = Selectable<AppUserTable>;
export type ApiToken = Selectable<ApiTokenTable>;
export type Target = Selectable<TargetTable>;
export type AuditLog = Selectable<AuditLogTable>;
export type SurveyRound = Selectable<SurveyRoundTable>;
export type RoundDossier = Selectable<RoundDossierTable>;
export type RoundSample = Selectable<RoundSampleTable>;
