import { getUnitByCode, subtreeIds } from "../../db/queries/units";
import type { Db } from "../../db/index";
import type { FieldErrors } from "./console.server";

/**
 * The subtree model (issue 18): every role — admin and designer included — acts on its unit's
 * subtree. `unitId === null` is the whole province (the root); choosing the root unit for a
 * user or token means the same. Records without a unit (province-wide users and tokens, the
 * audit log, survey versions, the TTHC catalogue) belong to the whole province only.
 */
export type Reach = (unitId: number | null) => boolean;

export async function reachOf(db: Db, callerUnitId: number | null): Promise<Reach> {
  if (callerUnitId === null) return () => true;
  const ids = new Set(await subtreeIds(db, callerUnitId));
  return (unitId) => unitId !== null && ids.has(unitId);
}

/**
 * The unit a new user, token or role change gets: a unit code inside the creator's reach
 * (nothing created is wider than its creator). The root unit, or no unit where `optional`,
 * is the whole province, which only a whole-province creator may grant.
 */
export async function grantUnit(
  db: Db,
  creatorUnitId: number | null,
  unitCode: string,
  opts: { optional?: boolean } = {},
): Promise<{ unitId: number | null } | { errors: FieldErrors }> {
  if (!unitCode) {
    if (creatorUnitId !== null || !opts.optional) return { errors: { unit: "users.errors.unitRequired" } };
    return { unitId: null };
  }
  const unit = await getUnitByCode(db, unitCode);
  if (!unit) return { errors: { unit: "console.errors.unknownUnit" } };
  const reach = await reachOf(db, creatorUnitId);
  if (!reach(unit.id)) return { errors: { unit: "console.errors.outsideScope" } };
  return { unitId: unit.parent_id === null ? null : unit.id };
}
