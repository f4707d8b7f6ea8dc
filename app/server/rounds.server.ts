import { randomBytes } from "node:crypto";
import { appendAudit } from "../../db/queries/credentials";
import { eraseRoundContacts, frameStrata, getRound, insertRound, listRounds, sampleProgress, setRoundStatus, type RoundRow } from "../../db/queries/rounds";
import { getUnitByCode, isInSubtree } from "../../db/queries/units";
import type { Db } from "../../db/index";
import type { Role } from "../../db/schema";
import { sampleSize } from "~/metrics/round-draw";
import { ApiError, zodFields } from "./api-error.server";
import { hasRole, principalActor, type Principal, type RolePrincipal } from "./principal.server";
import { createRoundSchema, type Progress, type RoundView } from "./round-schemas.server";
import type { AppServices } from "./services.server";
import { loadPublishedVersion } from "./survey-versions.server";

// Survey rounds: creation, who may see and change them, progress and close. The frame import
// (round-frame.server.ts), the draw (round-draw.server.ts), codes (round-codes.server.ts),
// reach (round-reach.server.ts, round-letters.server.ts) and figures (round-summary.server.ts)
// have their own modules. Every change writes its audit row in the same transaction.

/** Changing a round: administrators (of a subtree holding the round's unit). */
export const ROUND_WRITE_ROLES: readonly Role[] = ["admin"];
/** Reading a round: also unit managers of a subtree holding the round's unit. */
export const ROUND_READ_ROLES: readonly Role[] = ["admin", "unit-manager"];

export function toView(r: RoundRow): RoundView {
  return {
    id: r.id, name: r.name, survey: r.survey_slug, version: r.survey_version, unit: r.unit_code, from: r.date_from, to: r.date_to,
    margin: Number(r.margin), overdraw: Number(r.overdraw), seed: r.seed, status: r.status, frameRows: Number(r.frame_rows),
    createdAt: r.created_at, drawnAt: r.drawn_at, closedAt: r.closed_at,
  };
}

function assertRole(principal: Principal, roles: readonly Role[]): asserts principal is RolePrincipal {
  if (principal.kind === "anonymous" || principal.kind === "kiosk") throw new ApiError("unauthorized", "errors.apiTokenRequired");
  if (!hasRole(principal, roles)) throw new ApiError("forbidden", "errors.forbidden");
}

/** The round if the caller may read (or, with `write`, change) it; 404 outside the caller's subtree. */
export async function roundFor(db: Db, principal: Principal, rawId: string | undefined, write: boolean): Promise<{ round: RoundRow; principal: RolePrincipal }> {
  assertRole(principal, write ? ROUND_WRITE_ROLES : ROUND_READ_ROLES);
  const id = Number(rawId);
  const round = Number.isSafeInteger(id) && id > 0 ? await getRound(db, id) : undefined;
  if (!round || (principal.unitId !== null && !(await isInSubtree(db, principal.unitId, round.unit_id)))) throw new ApiError("not_found", "errors.notFound");
  return { round, principal };
}

export async function createRound(services: AppServices, principal: Principal, body: unknown, now = new Date()): Promise<RoundView> {
  assertRole(principal, ROUND_WRITE_ROLES);
  const parsed = createRoundSchema.safeParse(body);
  if (!parsed.success) {
    const fields = zodFields(parsed.error.issues);
    if (fields.from && parsed.error.issues.some((i) => i.code === "custom")) fields.from = { key: "validation.fromAfterTo" };
    throw new ApiError("invalid", "errors.invalid", fields);
  }
  const input = parsed.data;
  const version = await loadPublishedVersion(services.db, input.survey);
  const unit = await getUnitByCode(services.db, input.unit);
  const fields: Record<string, { key: string }> = {};
  if (!version) fields.survey = { key: "validation.surveyNotPublished" };
  if (!unit) fields.unit = { key: "validation.unknownUnit" };
  if (!version || !unit) throw new ApiError("invalid", "errors.invalid", fields);
  if (principal.unitId !== null && !(await isInSubtree(services.db, principal.unitId, unit.id))) throw new ApiError("forbidden", "errors.otherUnit");
  // An unguessable default seed, stored and audited, so the draw can be repeated from the log.
  const seed = input.seed ?? randomBytes(8).toString("hex");
  const actor = principalActor(principal);
  const id = await services.db.transaction().execute(async (trx) => {
    const roundId = await insertRound(
      trx,
      { name: input.name, surveyId: version.surveyId, versionId: version.id, unitId: unit.id, from: input.from, to: input.to, margin: input.margin, overdraw: input.overdraw, seed, createdBy: actor },
      now.toISOString(),
    );
    await appendAudit(trx, { actor, action: "round.create", entity: "round", entityId: String(roundId), after: { ...input, seed, version: version.version } }, now.toISOString());
    return roundId;
  });
  return toView((await getRound(services.db, id))!);
}

export async function roundsOf(db: Db, principal: Principal): Promise<RoundView[]> {
  assertRole(principal, ROUND_READ_ROLES);
  return (await listRounds(db, principal.unitId)).map(toView);
}

const CHANNELS = ["paper", "phone", "online", "kiosk"] as const;
const noChannels = () => ({ paper: 0, phone: 0, online: 0, kiosk: 0 });
const rate = (responded: number, reachable: number) => (reachable > 0 ? responded / reachable : null);

/**
 * Per stratum: N, n, drawn, invited, undeliverable, responded (by channel) and the response
 * rate = responded / (drawn − undeliverable), the AAPOR-style rate among those reachable.
 */
export async function roundProgress(db: Db, round: RoundRow): Promise<Progress> {
  const [strata, rows] = await Promise.all([frameStrata(db, round.id), sampleProgress(db, round.id)]);
  const byUnit = new Map<number, { drawn: number; invited: number; undeliverable: number; responded: number; byChannel: ReturnType<typeof noChannels> }>();
  for (const r of rows) {
    const u = byUnit.get(r.unit_id) ?? { drawn: 0, invited: 0, undeliverable: 0, responded: 0, byChannel: noChannels() };
    u.drawn += Number(r.drawn);
    u.invited += Number(r.invited);
    u.undeliverable += Number(r.undeliverable);
    u.responded += Number(r.responded);
    const channel = CHANNELS.find((c) => c === r.channel);
    if (channel) u.byChannel[channel] += Number(r.responded);
    byUnit.set(r.unit_id, u);
  }
  const out = strata.map((s) => {
    const u = byUnit.get(s.unit_id) ?? { drawn: 0, invited: 0, undeliverable: 0, responded: 0, byChannel: noChannels() };
    const N = Number(s.N);
    return { unit: s.code, name: s.name, N, n: sampleSize(N, Number(round.margin), Number(round.overdraw)), ...u, responseRate: rate(u.responded, u.drawn - u.undeliverable) };
  });
  const sum = (k: "N" | "n" | "drawn" | "invited" | "undeliverable" | "responded") => out.reduce((a, s) => a + s[k], 0);
  const byChannel = noChannels();
  for (const s of out) for (const c of CHANNELS) byChannel[c] += s.byChannel[c];
  const totals = { N: sum("N"), n: sum("n"), drawn: sum("drawn"), invited: sum("invited"), undeliverable: sum("undeliverable"), responded: sum("responded"), byChannel };
  return { strata: out, totals: { ...totals, responseRate: rate(totals.responded, totals.drawn - totals.undeliverable) } };
}

/** Close: contacts erased, links stop working; the sample, codes and figures stay. Audited. */
export async function closeRound(db: Db, round: RoundRow, actor: string, now = new Date()): Promise<RoundView> {
  if (round.status === "closed") throw new ApiError("conflict", "rounds.errors.closed");
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await setRoundStatus(trx, round.id, "closed", { closed_at: at });
    await eraseRoundContacts(trx, round.id, at);
    await appendAudit(trx, { actor, action: "round.close", entity: "round", entityId: String(round.id), before: { status: round.status }, after: { status: "closed", contactsErased: true } }, at);
  });
  return toView((await getRound(db, round.id))!);
}

/** Letters, files or e-mail going out move a sampled round into fieldwork. */
export async function startFieldwork(db: Db, round: RoundRow): Promise<void> {
  if (round.status === "sampled") await setRoundStatus(db, round.id, "fieldwork");
}

export function assertDrawn(round: RoundRow): void {
  if (round.status === "draft") throw new ApiError("conflict", "rounds.errors.notDrawn");
}

export function assertOpen(round: RoundRow): void {
  if (round.status === "closed") throw new ApiError("conflict", "rounds.errors.closed");
}
