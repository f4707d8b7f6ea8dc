import { ApiError } from "./api-error.server";
import { hasRole, type Principal } from "./principal.server";
import type { Role } from "../../db/schema";

/**
 * Who may submit what, in one place (POST /api/v1/responses and its batch, the citizen form):
 *   kiosk     only a kiosk device token; its dossier comes from an official's binding
 *   paper     (and phone) an API token (or console session) of a role that enters paper and phone forms
 *   online    anyone; a dossier only through a channel that proves it (invitation, kiosk,
 *             authenticated entry) — an anonymous post cannot claim a citizen's dossier
 * Anonymous callers cannot send batches or choose the time: they get the server's clock, so
 * past periods and the public figures cannot be changed by anyone with a browser.
 */
export const PAPER_ROLES: readonly Role[] = ["admin", "unit-manager"];

/** Authenticated devices and integrations: they may batch and keep the time they recorded. */
export function isAccountable(principal: Principal): boolean {
  return principal.kind === "kiosk" || principal.kind === "token";
}

export function assertChannel(principal: Principal, channel: string, dossier: string | null | undefined): void {
  if (channel === "kiosk" && principal.kind !== "kiosk") throw new ApiError("unauthorized", "errors.kioskTokenRequired");
  if (channel !== "kiosk" && principal.kind === "kiosk") throw new ApiError("forbidden", "errors.forbidden");
  if (channel === "paper" || channel === "phone") {
    if (principal.kind !== "token" && principal.kind !== "user") throw new ApiError("unauthorized", "errors.apiTokenRequired");
    if (!hasRole(principal, PAPER_ROLES)) throw new ApiError("forbidden", "errors.forbidden");
  }
  if (dossier && principal.kind !== "kiosk" && !hasRole(principal, PAPER_ROLES)) {
    throw new ApiError(principal.kind === "anonymous" ? "unauthorized" : "forbidden", "errors.dossierNeedsProof");
  }
}

/** The recorded time of a submission: the device's own for kiosks and tokens, else now. */
export function submittedAtOf(principal: Principal, sent: string | undefined, now: Date): string {
  return sent && isAccountable(principal) ? sent : now.toISOString();
}

/** Batches are for devices flushing a queue and for integrations only. */
export function assertMayBatch(principal: Principal): void {
  if (!isAccountable(principal)) throw new ApiError(principal.kind === "anonymous" ? "unauthorized" : "forbidden", "errors.batchNeedsToken");
}
