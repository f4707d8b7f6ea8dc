import { z } from "zod";
import { appendAudit, insertApiToken } from "../../db/queries/credentials";
import { openChildren, revokeApiToken, servicesByCodes, serviceCodesOf, setUnitServices } from "../../db/queries/org";
import { getServiceByCode, upsertService } from "../../db/queries/services";
import { closeUnit, getUnitByCode, isInSubtree, upsertUnit } from "../../db/queries/units";
import type { Db } from "../../db/index";
import type { Role } from "../../db/schema";
import { type FieldErrors, nowIso } from "./console.server";
import { newToken } from "./secrets.server";
import { ABOLISHED_UNIT_LEVELS, SERVICE_LEVELS, UNIT_LEVELS, levelCodeOf, pickedUnitCode } from "~/org/levels";
import type { Hasher } from "./secrets.server";

const code = z.string().trim().normalize("NFC").min(1, "console.errors.required").max(64).regex(/^[\p{L}\p{N}._-]+$/u, "org.errors.code");
const name = z.string().trim().normalize("NFC").min(1, "console.errors.required").max(300);
/** A level code, or its Vietnamese name ("Cấp xã"): stored as the code. */
const levelOf = (levels: readonly [string, ...string[]]) => z.string().transform(levelCodeOf).pipe(z.enum(levels, "org.errors.level"));
/** A unit picked as "Name (CODE)" or typed as a code. */
const picked = z.string().transform(pickedUnitCode);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "console.errors.date").refine((d) => !Number.isNaN(Date.parse(d)), "console.errors.date");

export const unitSchema = z.object({ code, name, level: levelOf(UNIT_LEVELS), parent: picked.pipe(z.string().max(64)).default("") });
export const reorganizeSchema = z.object({ code: picked.pipe(code), successor: picked.pipe(code), effectiveDate: isoDate });
export const serviceSchema = z.object({ code, name, field: z.string().trim().normalize("NFC").min(1, "console.errors.required").max(200), level: levelOf(SERVICE_LEVELS) });
export const unitServicesSchema = z.object({ services: z.union([z.array(code), code]).default([]).transform((v) => (Array.isArray(v) ? v : [v])) });
export const tokenSchema = z.object({
  name: z.string().trim().normalize("NFC").min(1, "console.errors.required").max(100),
  role: z.enum(["admin", "analyst", "designer", "unit-manager"], "users.errors.role"),
  unit: picked.pipe(z.string().max(64)).default(""),
});

type UnitInput = z.infer<typeof unitSchema>;

/** Creates or edits a unit (upsert by code) with its audit row. */
export async function saveUnit(db: Db, input: UnitInput, actor: string, mode: "create" | "update"): Promise<FieldErrors | null> {
  const now = nowIso();
  return db.transaction().execute(async (trx): Promise<FieldErrors | null> => {
    const before = await getUnitByCode(trx, input.code);
    if (mode === "create" && before) return { code: "org.errors.codeTaken" };
    if (mode === "update" && !before) return { code: "console.errors.unknownUnit" };
    // An abolished level stays on the units that have it, and is given to none other.
    if (ABOLISHED_UNIT_LEVELS.includes(input.level) && before?.level !== input.level) return { level: "org.errors.levelAbolished" };
    if (input.parent && !(await getUnitByCode(trx, input.parent))) return { parent: "console.errors.unknownUnit" };
    try {
      await upsertUnit(trx, { code: input.code, name: input.name, level: input.level, parentCode: input.parent || null }, now);
    } catch {
      return { parent: "org.errors.cycle" };
    }
    const after = await getUnitByCode(trx, input.code);
    await appendAudit(trx, {
      actor, action: mode === "create" ? "unit.create" : "unit.update", entity: "unit", entityId: input.code,
      before: before ? { name: before.name, level: before.level, parentId: before.parent_id } : undefined,
      after: { name: after?.name, level: after?.level, parentId: after?.parent_id },
    }, now);
    return null;
  });
}

/**
 * Merge or rename: the unit closes on the effective date and points at its successor; its
 * open children move under the successor. Responses keep the unit they were given.
 */
export async function reorganize(db: Db, input: z.infer<typeof reorganizeSchema>, actor: string): Promise<FieldErrors | null> {
  const now = nowIso();
  return db.transaction().execute(async (trx): Promise<FieldErrors | null> => {
    const unit = await getUnitByCode(trx, input.code);
    const successor = await getUnitByCode(trx, input.successor);
    if (!unit) return { code: "console.errors.unknownUnit" };
    if (unit.valid_to) return { code: "org.errors.closed" };
    if (!successor) return { successor: "console.errors.unknownUnit" };
    if (successor.valid_to) return { successor: "org.errors.closed" };
    if (await isInSubtree(trx, unit.id, successor.id)) return { successor: "org.errors.successorInside" };
    for (const child of await openChildren(trx, unit.id)) {
      await upsertUnit(trx, { code: child.code, name: child.name, level: child.level, parentCode: successor.code }, now);
    }
    await closeUnit(trx, unit.code, successor.code, input.effectiveDate);
    await appendAudit(trx, { actor, action: "unit.close", entity: "unit", entityId: unit.code, before: { validTo: unit.valid_to, successor: null }, after: { validTo: input.effectiveDate, successor: successor.code } }, now);
    return null;
  });
}

export async function saveUnitServices(db: Db, unitId: number, unitCode: string, codes: string[], actor: string): Promise<FieldErrors | null> {
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const found = await servicesByCodes(trx, [...new Set(codes)]);
    if (found.length !== new Set(codes).size) return { services: "console.errors.unknownService" };
    const before = await serviceCodesOf(trx, unitId);
    await setUnitServices(trx, unitId, found.map((s) => s.id));
    await appendAudit(trx, { actor, action: "unit.services", entity: "unit", entityId: unitCode, before: { services: before }, after: { services: found.map((s) => s.code).sort() } }, now);
    return null;
  });
}

export async function saveService(db: Db, input: z.infer<typeof serviceSchema>, actor: string): Promise<void> {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const before = await getServiceByCode(trx, input.code);
    const result = await upsertService(trx, input, now);
    if (result === "unchanged") return;
    await appendAudit(trx, { actor, action: before ? "service.update" : "service.create", entity: "service", entityId: input.code, before: before ? { name: before.name, field: before.field, level: before.level } : undefined, after: { name: input.name, field: input.field, level: input.level } }, now);
  });
}

/** A new API token: the secret is returned once and only its keyed hash is stored. */
export async function createApiToken(db: Db, hasher: Hasher, input: { name: string; role: Role; unitId: number | null }, actor: string): Promise<string> {
  const token = newToken("hlt");
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const id = await insertApiToken(trx, { name: input.name, tokenHash: hasher.hash("token", token), role: input.role, unitId: input.unitId }, now);
    await appendAudit(trx, { actor, action: "token.create", entity: "api_token", entityId: String(id), after: { name: input.name, role: input.role, unitId: input.unitId } }, now);
  });
  return token;
}

export async function revokeToken(db: Db, id: number, actor: string): Promise<void> {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    if (await revokeApiToken(trx, id, now)) {
      await appendAudit(trx, { actor, action: "token.revoke", entity: "api_token", entityId: String(id), before: { revokedAt: null }, after: { revokedAt: now } }, now);
    }
  });
}
