import { appendAudit } from "../../db/queries/credentials";
import { frameForDraw, insertInvitations, insertSample, takenCodes, type RoundRow, type SampleInsert } from "../../db/queries/rounds";
import { getPublishedVersion } from "../../db/queries/surveys";
import { drawSample, type FrameEntry } from "~/metrics/round-draw";
import { ApiError } from "./api-error.server";
import { frameSealer } from "./round-frame.server";
import { newRoundCode, roundCodeHash } from "./round-codes.server";
import { createSealer, newToken } from "./secrets.server";
import type { AppServices } from "./services.server";

// The draw: app/metrics/round-draw.ts decides the sample (pure, seeded); this module reads the
// frame, gives each drawn dossier a code and a single-use invitation (the same invitations as
// POST /api/v1/invitations, bound to survey, unit, service and dossier) and writes it all in one
// transaction with an audit row naming the seed and the algorithm, so anyone can repeat it.

export const DRAW_ALGORITHM = "stratified-srswor/sfc32-fisher-yates/v1";
/** Invitation links of a round stay valid this long (closing the round ends them sooner). */
export const ROUND_LINK_DAYS = 180;

export function linkSealer(services: AppServices) {
  return createSealer(services.hasher, "round-link");
}

export async function drawRound(services: AppServices, round: RoundRow, actor: string, now = new Date()) {
  if (round.status !== "draft") throw new ApiError("conflict", "rounds.errors.alreadyDrawn");
  if (Number(round.frame_rows) === 0) throw new ApiError("conflict", "rounds.errors.noFrame");
  // The survey is frozen for the round: a retired version cannot be drawn for any more.
  const current = await getPublishedVersion(services.db, round.survey_slug, round.survey_version);
  if (!current) throw new ApiError("conflict", "rounds.errors.surveyChanged");
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + ROUND_LINK_DAYS * 86_400_000).toISOString();
  const dossierSealer = frameSealer(services);
  const codes_ = codeSealer(services);
  const links = linkSealer(services);

  return services.db.transaction().execute(async (trx) => {
    // Claim the round first: a second draw running at the same time finds it sampled.
    const claimed = await trx.updateTable("survey_round").set({ status: "sampled", drawn_at: at }).where("id", "=", round.id).where("status", "=", "draft").executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new ApiError("conflict", "rounds.errors.alreadyDrawn");
    const frame = await frameForDraw(trx, round.id, round.survey_id);
    const byId = new Map(frame.map((f) => [f.id, f]));
    const entries: FrameEntry[] = frame.map((f) => ({
      id: f.id,
      stratum: f.unit_code,
      dossier: (f.dossier_sealed && dossierSealer.unseal(f.dossier_sealed)) ?? "",
      person: f.phone_hash,
      rated: Boolean(Number(f.rated)),
    }));
    const strata = drawSample(entries, round.seed, Number(round.margin), Number(round.overdraw));
    const drawn = strata.flatMap((s) => s.drawn);

    // Codes are unique across rounds: draw again the rare one already taken.
    const codes = new Map<number, string>();
    let pending = drawn;
    while (pending.length) {
      const fresh = pending.map((id) => [id, newRoundCode()] as const);
      const taken = await takenCodes(trx, fresh.map(([, c]) => roundCodeHash(services, c)));
      const used = new Set(codes.values());
      pending = [];
      for (const [id, code] of fresh) {
        if (taken.has(roundCodeHash(services, code)) || used.has(code)) pending.push(id);
        else {
          codes.set(id, code);
          used.add(code);
        }
      }
    }
    const tokens = new Map(drawn.map((id) => [id, newToken("hli")]));
    const invitationIds = await insertInvitations(
      trx,
      drawn.map((id) => {
        const f = byId.get(id)!;
        return { token_hash: services.hasher.hash("invitation", tokens.get(id)!), survey_id: round.survey_id, unit_id: f.unit_id, service_id: f.service_id, dossier_hash: f.dossier_hash, expires_at: expiresAt };
      }),
      at,
    );
    let order = 0;
    const sample: SampleInsert[] = drawn.map((id) => {
      const f = byId.get(id)!;
      const code = codes.get(id)!;
      const token = tokens.get(id)!;
      return {
        dossier_id: id, unit_id: f.unit_id, draw_order: ++order, code_hash: roundCodeHash(services, code), code_sealed: codes_.seal(code),
        token_sealed: links.seal(token), invitation_id: invitationIds.get(services.hasher.hash("invitation", token))!,
      };
    });
    await insertSample(trx, round.id, sample);
    const summary = strata.map((s) => ({ unit: s.stratum, N: s.N, n: s.n, drawn: s.drawn.length }));
    await appendAudit(
      trx,
      { actor, action: "round.draw", entity: "round", entityId: String(round.id), after: { seed: round.seed, margin: Number(round.margin), overdraw: Number(round.overdraw), algorithm: DRAW_ALGORITHM, strata: summary, drawn: drawn.length } },
      at,
    );
    return { strata: strata.map((s) => ({ unit: s.stratum, N: s.N, n: s.n })), drawn: drawn.length, seed: round.seed };
  });
}

export function codeSealer(services: AppServices) {
  return createSealer(services.hasher, "round-code");
}
