import type { Db } from "../../db/index";
import type { CountScope } from "../../db/queries/report-counts";
import { directChildOf, getUnitByCode, isInSubtree, listChildren, subtreeIds } from "../../db/queries/units";
import type { Unit } from "../../db/schema";
import type { UnitTree } from "~/metrics/parent-index";
import { currentUnitOf } from "~/metrics/reorganization";
import { ApiError } from "./api-error.server";

/** The part of the unit tree a caller may read: a subtree root, or null for all of it. */
export interface ReportAccess {
  unitId: number | null;
}

/** "as-was": responses stay with the unit they were given; "current": mapped onto successors. */
export type UnitMapping = "as-was" | "current";

export async function scopeUnit(db: Db, code: string | undefined, access: ReportAccess): Promise<Unit> {
  if (code) {
    const unit = await getUnitByCode(db, code);
    if (!unit) throw new ApiError("invalid", "errors.invalid", { unit: { key: "validation.unknownUnit" } });
    if (access.unitId !== null && !(await isInSubtree(db, access.unitId, unit.id))) {
      throw new ApiError("forbidden", "errors.otherUnit");
    }
    return unit;
  }
  if (access.unitId !== null) return (await db.selectFrom("unit").selectAll().where("id", "=", access.unitId).executeTakeFirst())!;
  const roots = await db.selectFrom("unit").selectAll().where("parent_id", "is", null).where("valid_to", "is", null).execute();
  if (roots.length !== 1) throw new ApiError("invalid", "errors.invalid", { unit: { key: "validation.required" } });
  return roots[0];
}

export interface UnitScope {
  /** Which units' responses count (subtree, or the mapped set). */
  filter: Pick<CountScope, "rootUnitId" | "unitIds" | "wholeTree">;
  children: Unit[];
  /** Each counted unit → the direct child of the scope unit it falls under. */
  childOf: Map<number, number>;
  /** The tree below the scope unit, for `mean-of-children` at every depth. */
  tree: UnitTree;
}

/** Child lists of the whole table (mapped: a closed unit with a successor is no node; its responses count under the successor). */
function treeOf(root: number, units: Array<{ id: number; parent_id: number | null; valid_to: string | null }>, homeOf?: Map<number, number>): UnitTree {
  const childrenOf = new Map<number, number[]>();
  for (const u of units) {
    if (u.parent_id === null || (homeOf && homeOf.get(u.id) !== u.id)) continue;
    const list = childrenOf.get(u.parent_id);
    if (list) list.push(u.id);
    else childrenOf.set(u.parent_id, [u.id]);
  }
  return { root, childrenOf, homeOf };
}

/**
 * The units a report covers. As they were: the scope unit's subtree, every child listed.
 * Mapped: every unit whose successor chain ends inside the subtree, open children only.
 */
export async function unitScope(db: Db, unit: Unit, mapping: UnitMapping): Promise<UnitScope> {
  const [allChildren, childOf, units] = await Promise.all([
    listChildren(db, unit.id),
    directChildOf(db, unit.id),
    db.selectFrom("unit").select(["id", "parent_id", "valid_to", "successor_id"]).execute(),
  ]);
  const roots = units.filter((u) => u.parent_id === null);
  if (mapping === "as-was") {
    const wholeTree = roots.length === 1 && roots[0].id === unit.id;
    return { filter: { rootUnitId: unit.id, wholeTree }, children: allChildren, childOf, tree: treeOf(unit.id, units) };
  }
  const inside = new Set(await subtreeIds(db, unit.id));
  const current = currentUnitOf(units);
  const unitIds = units.filter((u) => inside.has(current.get(u.id)!)).map((u) => u.id);
  const mappedChildOf = new Map<number, number>();
  for (const id of unitIds) {
    const child = childOf.get(current.get(id)!);
    if (child !== undefined) mappedChildOf.set(id, child);
  }
  const wholeTree = unitIds.length === units.length;
  return {
    filter: wholeTree ? { rootUnitId: unit.id, wholeTree } : { rootUnitId: unit.id, unitIds },
    children: allChildren.filter((c) => c.valid_to === null),
    childOf: mappedChildOf,
    tree: treeOf(unit.id, units, current),
  };
}
