import { z } from "zod";
import { appendAudit } from "../../db/queries/credentials";
import { replaceSnapshot } from "../../db/queries/federation";
import type { AnswerCell, ResponseCell } from "../../db/queries/responses";
import { upsertService } from "../../db/queries/services";
import { getUnitByCode, isInSubtree, upsertUnit } from "../../db/queries/units";
import type { Channel } from "../../db/schema";
import { ApiError, type ApiErrorCode } from "./api-error.server";
import { SERVICE_LEVELS, UNIT_LEVELS } from "./imports.server";
import type { Principal } from "./principal.server";
import type { AppServices } from "./services.server";
import { loadPublishedVersion } from "./survey-versions.server";

// The national instance's side of federation (issue 15.5): a province pushes one snapshot
// (survey version × month) of its fine roll-up cells and its unit tree below its own node.
// Refused whole on any fault: nothing is stored unless everything is right.

/** Push bodies are roll-up cells, not responses: a province-month can be megabytes. */
export const FEDERATION_BODY_LIMIT = 32 * 1024 * 1024;

const code = z.string().trim().min(1).max(64);
const count = z.number().int().nonnegative();
const channel = z.enum(["kiosk", "online", "paper"]);

export const snapshotSchema = z.strictObject({
  province: code,
  survey: code,
  version: z.number().int().positive(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  units: z.array(z.strictObject({ code, name: z.string().trim().min(1).max(300), parent: code, level: z.enum(UNIT_LEVELS) })).max(20_000),
  services: z.array(z.strictObject({ code, name: z.string().trim().min(1).max(500), field: z.string().max(300).nullish(), level: z.enum(SERVICE_LEVELS) })).max(20_000),
  responses: z.array(z.strictObject({ unit: code, service: code.nullable(), channel, count })),
  answers: z.array(z.strictObject({ unit: code, service: code.nullable(), channel, question: z.string().min(1).max(64), code: z.number().int(), count })),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

const refuse = (status: ApiErrorCode, key: string, field?: string): never => {
  throw new ApiError(status, key, field ? { [field]: { key: "validation.invalid" } } : undefined);
};

/** Stores (replaces) one snapshot; returns how many cells it holds. */
export async function receiveSnapshot(services: AppServices, body: unknown, principal: Principal): Promise<{ responses: number; answers: number }> {
  if (principal.kind !== "federation") throw new ApiError(principal.kind === "anonymous" ? "unauthorized" : "forbidden", "errors.forbidden");
  const parsed = snapshotSchema.safeParse(body);
  if (!parsed.success) throw new ApiError("invalid", "errors.invalid", Object.fromEntries(parsed.error.issues.slice(0, 20).map((i) => [i.path.join(".") || "body", { key: "validation.invalid" }])));
  const s = parsed.data;
  const db = services.db;
  const root = await getUnitByCode(db, s.province);
  if (!root || root.id !== principal.unitId) refuse("forbidden", "errors.otherUnit", "province");
  const version = await loadPublishedVersion(db, s.survey, s.version);
  if (!version) refuse("invalid", "errors.invalid", "version");

  // The tree below the province: every parent is the province or a unit of the push, and no
  // code belongs to another part of the national tree.
  const pushed = new Set(s.units.map((u) => u.code));
  for (const u of s.units) {
    if (u.code === s.province || (u.parent !== s.province && !pushed.has(u.parent))) refuse("invalid", "errors.invalid", "units");
    const existing = await getUnitByCode(db, u.code);
    if (existing && !(await isInSubtree(db, root!.id, existing.id))) refuse("conflict", "errors.otherUnit", "units");
  }
  const known = new Set([s.province, ...pushed]);
  const serviceCodes = new Set(s.services.map((x) => x.code));
  for (const c of [...s.responses, ...s.answers]) {
    if (!known.has(c.unit)) refuse("invalid", "errors.invalid", "units");
    if (c.service !== null && !serviceCodes.has(c.service)) refuse("invalid", "errors.invalid", "services");
  }

  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    // Parents before children: the push lists units in any order.
    const pending = [...s.units];
    for (let placed = new Set([s.province]); pending.length; ) {
      const ready = pending.filter((u) => placed.has(u.parent));
      if (!ready.length) refuse("invalid", "errors.invalid", "units");
      for (const u of ready) {
        await upsertUnit(trx, { code: u.code, name: u.name, level: u.level, parentCode: u.parent }, now);
        placed = new Set([...placed, u.code]);
        pending.splice(pending.indexOf(u), 1);
      }
    }
    for (const x of s.services) await upsertService(trx, { code: x.code, name: x.name, field: x.field ?? "", level: x.level }, now);
    const unitIds = new Map((await trx.selectFrom("unit").select(["id", "code"]).where("code", "in", [...known]).execute()).map((u) => [u.code, u.id]));
    const serviceIds = new Map(
      serviceCodes.size ? (await trx.selectFrom("service").select(["id", "code"]).where("code", "in", [...serviceCodes]).execute()).map((x) => [x.code, x.id]) : [],
    );
    const cell = (c: { unit: string; service: string | null; channel: Channel; count: number }): ResponseCell => ({
      survey_id: version!.surveyId,
      survey_version_id: version!.id,
      month: s.month,
      unit_id: unitIds.get(c.unit)!,
      service_id: c.service === null ? 0 : serviceIds.get(c.service)!,
      channel: c.channel,
      count: c.count,
    });
    const answers: AnswerCell[] = s.answers.map((a) => ({ ...cell(a), question_id: a.question, code: a.code }));
    await replaceSnapshot(trx, { rootId: root!.id, surveyId: version!.surveyId, versionId: version!.id, month: s.month, responses: s.responses.map(cell), answers });
    await appendAudit(
      trx,
      { actor: `token:${principal.tokenId}`, action: "federation.snapshot", entity: "unit", entityId: s.province, after: { survey: s.survey, version: s.version, month: s.month, responses: s.responses.reduce((n, r) => n + r.count, 0) } },
      now,
    );
  });
  return { responses: s.responses.length, answers: s.answers.length };
}
