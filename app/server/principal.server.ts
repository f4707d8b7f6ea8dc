import { findApiToken, findKioskByToken, touchKiosk } from "../../db/queries/credentials";
import { isConnectionError } from "../../db/replica";
import type { Role } from "../../db/schema";
import { ApiError } from "./api-error.server";
import type { AppServices } from "./services.server";
import { getSessionUser } from "./session.server";

export type Principal =
  | { kind: "anonymous" }
  | { kind: "kiosk"; kioskId: number; unitId: number; surveyId: number | null }
  | { kind: "token"; tokenId: number; role: Role; unitId: number | null }
  /** A province's federation token on the national instance: may only push its own snapshots. */
  | { kind: "federation"; tokenId: number; unitId: number }
  | { kind: "user"; userId: number; role: Role; unitId: number | null };

/** A caller acting with a role over a unit subtree: an API token or a signed-in user. */
export type RolePrincipal = Extract<Principal, { role: Role }>;

/** The audit actor of an authenticated caller, in the one actor format (`token:<id>`, `user:<id>`). */
export function principalActor(p: RolePrincipal): string {
  return p.kind === "token" ? `token:${p.tokenId}` : `user:${p.userId}`;
}

export function hasRole(principal: Principal, roles: readonly Role[]): principal is RolePrincipal {
  return (principal.kind === "token" || principal.kind === "user") && roles.includes(principal.role);
}

/**
 * Who is calling: `Authorization: Bearer …` (kiosk or API token), else the admin web UI's
 * session cookie, else anonymous. A bad or revoked token is a 401, never anonymous.
 */
export async function principalOf(request: Request, services: AppServices): Promise<Principal> {
  const header = request.headers.get("authorization");
  if (!header) {
    const user = await getSessionUser(services, request);
    return user ? { kind: "user", userId: user.userId, role: user.role, unitId: user.unitId } : { kind: "anonymous" };
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new ApiError("unauthorized", "errors.unauthorized");
  const token = match[1];
  const hash = services.hasher.hash("token", token);
  if (token.startsWith("hlk_")) {
    const kiosk = await findKioskByToken(services.db, hash);
    if (!kiosk) throw new ApiError("unauthorized", "errors.unauthorized");
    if (kiosk.status !== "active") throw new ApiError("unauthorized", "errors.kioskRevoked");
    await touchKiosk(services.db, kiosk.id, new Date().toISOString());
    return { kind: "kiosk", kioskId: kiosk.id, unitId: kiosk.unit_id, surveyId: kiosk.survey_id };
  }
  const row = await findApiToken(services.db, hash).catch(async (error: unknown) => {
    // Primary down: read the token on the standby, so reports keep working (a revocation
    // reaches it within the replication lag).
    if (!isConnectionError(error)) throw error;
    return findApiToken(await services.reads(), hash);
  });
  if (!row || row.revoked_at) throw new ApiError("unauthorized", "errors.unauthorized");
  if (row.role === "federation") {
    if (row.unit_id === null) throw new ApiError("unauthorized", "errors.unauthorized");
    return { kind: "federation", tokenId: row.id, unitId: row.unit_id };
  }
  return { kind: "token", tokenId: row.id, role: row.role, unitId: row.unit_id };
}

/** Per-device / per-token / per-address throttling (docs/api.md: never per address for kiosks). */
export function throttle(principal: Principal, services: AppServices, clientAddress: string): void {
  const wait =
    principal.kind === "kiosk"
      ? services.limits.kiosk.take(`kiosk:${principal.kioskId}`)
      : principal.kind === "token" || principal.kind === "federation"
        ? services.limits.token.take(`token:${principal.tokenId}`)
        : principal.kind === "user"
          ? services.limits.token.take(`user:${principal.userId}`)
          : services.limits.online.take(`addr:${clientAddress}`);
  if (wait > 0) throw new ApiError("rate_limited", "errors.rateLimited", undefined, wait);
}

export const REPORT_ROLES: readonly Role[] = ["admin", "analyst", "unit-manager"];

/**
 * Responses count, not requests: a batch of 500 costs 500. Anonymous callers send one
 * response per request (no batches), so their per-address request limit already counts them.
 */
export function throttleResponses(principal: Principal, services: AppServices, count: number): void {
  const wait =
    principal.kind === "kiosk"
      ? services.limits.kioskResponses.take(`kiosk:${principal.kioskId}`, count)
      : principal.kind === "token"
        ? services.limits.tokenResponses.take(`token:${principal.tokenId}`, count)
        : 0;
  if (wait > 0) throw new ApiError("rate_limited", "errors.rateLimited", undefined, wait);
}
