import type { SurveyDefinition } from "~/survey/types";

export interface KioskService {
  code: string;
  name: string;
  field: string;
  uses: number;
}

/** GET /api/v1/kiosk/config as the device sees it. */
export interface KioskConfigView {
  kiosk: { id: number; name: string; counter: string | null };
  unit: { code: string; name: string };
  survey: { slug: string; version: number; definition: SurveyDefinition };
  /** Most used first (dossiers and responses of the last year), then by name. */
  services: KioskService[];
  service: string | null;
  binding: { id: number; dossier: string; service: string | null; serviceName: string | null; expiresAt: string } | null;
  pollSeconds: number;
}

export interface KioskPrefs {
  size: "s" | "m" | "l";
  contrast: boolean;
  speech: boolean;
}

/** One response waiting on the device: the exact body to POST, sent until acknowledged. */
export interface QueuedResponse {
  id: string;
  body: Record<string, unknown>;
  queuedAt: number;
  attempts: number;
}

export interface RejectedResponse extends QueuedResponse {
  rejectedAt: number;
  status: number;
  error: unknown;
}
