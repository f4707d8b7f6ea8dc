import type { SurveyDefinition } from "~/survey/types";

/** GET /api/v1/kiosk/config as the device sees it. */
export interface KioskConfigView {
  kiosk: { id: number; name: string; counter: string | null };
  unit: { code: string; name: string };
  survey: { slug: string; version: number; definition: SurveyDefinition };
  services: Array<{ code: string; name: string }>;
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
