import { randomBytes } from "node:crypto";
import { markInvitationUsed } from "../../db/queries/invitations";
import { findSampleByCode } from "../../db/queries/rounds";
import type { FieldError } from "~/survey/validate-answers";
import { ApiError, zodFields } from "./api-error.server";
import { prepareSubmission, type IngestResult } from "./ingest.server";
import { hasRole, type Principal } from "./principal.server";
import { PAPER_ROLES } from "./submission-channel.server";
import { codeSubmissionSchema } from "./round-schemas.server";
import type { AppServices } from "./services.server";

// Short codes of a survey round: printed on the letter, typed by a person or an operator.
// 8 characters from 32 symbols without look-alikes (no 0/O, 1/I): exactly 40 random bits.
// Only a keyed hash finds a code; the code itself is kept sealed for the letters.

export const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const CODE_LENGTH = 8;

export function newRoundCode(): string {
  const bytes = randomBytes(5); // 40 bits → 8 symbols of 5 bits
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code = CODE_ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)] + code;
  return code;
}

/** What a person typed → the code: case, spaces and dashes do not matter. */
export function normalizeRoundCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, "");
}

export const isRoundCode = (code: string) => code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));

export const formatRoundCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export const roundCodeHash = (services: AppServices, code: string) => services.hasher.hash("round-code", code);

// Guessing: each caller (token, user or address) may miss at most MAX_MISSES codes per
// window; after that every code lookup is refused until the window ends, found or not, so a
// guesser learns nothing more. 40 bits against 30 tries per 10 minutes.
const MAX_MISSES = 30;
const WINDOW_MS = 10 * 60 * 1000;
const misses = new Map<string, { count: number; since: number }>();

export function codeGuard(key: string, now = Date.now()) {
  const entry = misses.get(key);
  const live = entry && now - entry.since < WINDOW_MS ? entry : undefined;
  return {
    blocked: (live?.count ?? 0) >= MAX_MISSES,
    retryAfter: live ? Math.ceil((live.since + WINDOW_MS - now) / 1000) : 0,
    miss() {
      if (misses.size > 50_000) misses.clear();
      misses.set(key, live ? { count: live.count + 1, since: live.since } : { count: 1, since: now });
    },
  };
}

export function callerKey(principal: Principal, address: string): string {
  if (principal.kind === "token") return `token:${principal.tokenId}`;
  if (principal.kind === "user") return `user:${principal.userId}`;
  return `addr:${address}`;
}

/** Finds a code's drawn dossier, counting misses against the caller. */
export async function lookupCode(services: AppServices, raw: string, caller: string) {
  const guard = codeGuard(caller);
  if (guard.blocked) throw new ApiError("rate_limited", "errors.rateLimited", undefined, guard.retryAfter);
  const code = normalizeRoundCode(raw);
  const row = isRoundCode(code) ? await findSampleByCode(services.db, roundCodeHash(services, code)) : undefined;
  if (!row) guard.miss();
  return row;
}

/**
 * POST /api/v1/responses with `code`: an official (API token or console user of role admin or
 * unit manager) enters a round respondent's answers, from paper, a phone call or online. The
 * round decides survey, version, unit, service and dossier; the response joins the round in
 * the same transaction as its insert.
 */
export async function ingestByCode(services: AppServices, body: unknown, principal: Principal, address: string): Promise<IngestResult> {
  if (principal.kind !== "token" && principal.kind !== "user") throw new ApiError("unauthorized", "errors.apiTokenRequired");
  if (!hasRole(principal, PAPER_ROLES)) throw new ApiError("forbidden", "errors.forbidden");
  const parsed = codeSubmissionSchema.safeParse(body);
  if (!parsed.success) throw new ApiError("invalid", "errors.invalid", zodFields(parsed.error.issues));
  const s = parsed.data;
  const row = await lookupCode(services, s.code, callerKey(principal, address));
  if (!row) throw new ApiError("invalid", "errors.invalid", { code: { key: "rounds.validation.unknownCode" } });
  if (row.status === "closed") throw new ApiError("conflict", "rounds.errors.closed");
  const id = s.id.toLowerCase();
  if (row.response_id && row.response_id !== id) throw new ApiError("conflict", "rounds.errors.codeUsed");
  const fields: Record<string, FieldError> = {};
  if (s.survey && s.survey !== row.survey_slug) fields.survey = { key: "rounds.validation.codeMismatch" };
  if (s.version !== undefined && s.version !== row.survey_version) fields.version = { key: "rounds.validation.codeMismatch" };
  if (s.unit && s.unit !== row.unit_code) fields.unit = { key: "rounds.validation.codeMismatch" };
  if (s.service && s.service !== row.service_code) fields.service = { key: "rounds.validation.codeMismatch" };
  if (Object.keys(fields).length) throw new ApiError("invalid", "errors.invalid", fields);

  const submission = {
    // The service comes from the frame (what the one-stop system says was done), not from the
    // unit's current catalogue of offered services: set on the prepared row below.
    id, survey: row.survey_slug, version: row.survey_version, unit: row.unit_code, service: null, channel: s.channel,
    locale: s.locale, startedAt: s.startedAt, submittedAt: s.submittedAt,
    // The raw object, not zod's copy (which drops keys such as "__proto__"): ingest refuses those.
    answers: (body as { answers: unknown }).answers,
  };
  const prepared = await prepareSubmission(services, submission, principal);
  prepared.response.dossier_hash = row.dossier_hash;
  prepared.response.service_id = row.service_id;
  prepared.roundSampleId = row.id;
  const outcome = await services.committer.submit(prepared);
  if (outcome.status === "conflict") return { id, error: new ApiError("conflict", outcome.reason === "dossier" ? "rounds.errors.codeUsed" : "errors.idReused") };
  // The letter's link is the same dossier's invitation: it stops working once answered.
  if (outcome.status === "created") await markInvitationUsed(services.db, row.invitation_id, new Date().toISOString());
  return { id, status: outcome.status };
}

/**
 * The page where a person types the code from a letter: the code's single-use link, or null
 * (unknown, answered, or its round closed). Misses count against the caller's address.
 */
export async function linkOfCode(services: AppServices, raw: string, address: string, unseal: (sealed: string) => string | null): Promise<string | null> {
  const row = await lookupCode(services, raw, `addr:${address}`);
  if (!row || row.response_id || row.status === "closed") return null;
  const sealed = await services.db.selectFrom("round_sample").select("token_sealed").where("id", "=", row.id).executeTakeFirst();
  const token = sealed?.token_sealed ? unseal(sealed.token_sealed) : null;
  return token ? `/moi/${token}` : null;
}
