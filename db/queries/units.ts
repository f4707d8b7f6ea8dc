import type { Kysely } from "kysely";
import type { Database, Unit } from "../schema";

type Db = Kysely<Database>;

export interface UnitInput {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  validFrom?: string | null;
}

export function getUnitByCode(db: Db, code: string): Promise<Unit | undefined> {
  return db.selectFrom("unit").selectAll().where("code", "=", code).executeTakeFirst();
}

export function listUnits(db: Db): Promise<Unit[]> {
  return db.selectFrom("unit").selectAll().orderBy("code").execute();
}

export function listChildren(db: Db, parentId: number): Promise<Unit[]> {
  return db.selectFrom("unit").selectAll().where("parent_id", "=", parentId).orderBy("code").execute();
}

/** Ids of a unit and everything below it. */
export async function subtreeIds(db: Db, unitId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("unit_closure")
    .select("descendant_id")
    .where("ancestor_id", "=", unitId)
    .execute();
  return rows.map((r) => r.descendant_id);
}

/** A root unit other than `code`, if any (a province has one root). */
export function otherRoot(db: Db, code: string) {
  return db.selectFrom("unit").select("code").where("parent_id", "is", null).where("code", "!=", code).executeTakeFirst();
}

/** Whether `unitId` lies in the subtree of `rootId` (itself included). */
export async function isInSubtree(db: Db, rootId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom("unit_closure")
    .select("depth")
    .where("ancestor_id", "=", rootId)
    .where("descendant_id", "=", unitId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Maps every unit below `rootId` to the direct child of root it lies under. */
export async function directChildOf(db: Db, rootId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("unit_closure as c")
    .innerJoin("unit as child", "child.id", "c.ancestor_id")
    .select(["c.descendant_id", "c.ancestor_id"])
    .where("child.parent_id", "=", rootId)
    .execute();
  return new Map(rows.map((r) => [r.descendant_id, r.ancestor_id]));
}

async function linkClosure(db: Db, unitId: number, parentId: number | null): Promise<void> {
  await db.insertInto("unit_closure").values({ ancestor_id: unitId, descendant_id: unitId, depth: 0 }).execute();
  if (parentId === null) return;
  const ancestors = await db
    .selectFrom("unit_closure")
    .select(["ancestor_id", "depth"])
    .where("descendant_id", "=", parentId)
    .execute();
  if (ancestors.length) {
    await db
      .insertInto("unit_closure")
      .values(ancestors.map((a) => ({ ancestor_id: a.ancestor_id, descendant_id: unitId, depth: a.depth + 1 })))
      .execute();
  }
}

/** Re-parents a unit and its subtree: drop the old ancestor links, add the new ones. */
async function moveClosure(db: Db, unitId: number, parentId: number | null): Promise<void> {
  const subtree = await db
    .selectFrom("unit_closure")
    .select(["descendant_id", "depth"])
    .where("ancestor_id", "=", unitId)
    .execute();
  const ids = subtree.map((s) => s.descendant_id);
  const outside = await db
    .selectFrom("unit_closure")
    .select("ancestor_id")
    .where("descendant_id", "=", unitId)
    .where("depth", ">", 0)
    .execute();
  if (outside.length) {
    await db
      .deleteFrom("unit_closure")
      .where("descendant_id", "in", ids)
      .where("ancestor_id", "in", outside.map((o) => o.ancestor_id))
      .execute();
  }
  if (parentId === null) return;
  const ancestors = await db
    .selectFrom("unit_closure")
    .select(["ancestor_id", "depth"])
    .where("descendant_id", "=", parentId)
    .execute();
  const rows = ancestors.flatMap((a) =>
    subtree.map((s) => ({ ancestor_id: a.ancestor_id, descendant_id: s.descendant_id, depth: a.depth + 1 + s.depth })),
  );
  if (rows.length) await db.insertInto("unit_closure").values(rows).execute();
}

/**
 * Inserts or updates a unit by code. Call inside a transaction. Throws when the new
 * parent lies inside the unit's own subtree (that would make a cycle).
 */
export async function upsertUnit(db: Db, input: UnitInput, now: string): Promise<"added" | "updated" | "unchanged"> {
  const parent = input.parentCode ? await getUnitByCode(db, input.parentCode) : undefined;
  if (input.parentCode && !parent) throw new Error(`unknown parent ${input.parentCode}`);
  const parentId = parent?.id ?? null;
  const existing = await getUnitByCode(db, input.code);
  if (!existing) {
    const row = await db
      .insertInto("unit")
      .values({
        code: input.code,
        name: input.name,
        level: input.level,
        parent_id: parentId,
        valid_from: input.validFrom ?? null,
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await linkClosure(db, row.id, parentId);
    return "added";
  }
  if (existing.name === input.name && existing.level === input.level && existing.parent_id === parentId) {
    return "unchanged";
  }
  if (parentId !== null && (await isInSubtree(db, existing.id, parentId))) {
    throw new Error(`cycle: ${input.parentCode} is below ${input.code}`);
  }
  await db
    .updateTable("unit")
    .set({ name: input.name, level: input.level, parent_id: parentId })
    .where("id", "=", existing.id)
    .execute();
  if (existing.parent_id !== parentId) await moveClosure(db, existing.id, parentId);
  return "updated";
}

/** Closes a unit on `effectiveDate` and points it at its successor (merge or rename). */
export async function closeUnit(db: Db, code: string, successorCode: string, effectiveDate: string): Promise<void> {
  const successor = await getUnitByCode(db, successorCode);
  if (!successor) throw new Error(`unknown successor ${successorCode}`);
  await db
    .updateTable("unit")
    .set({ valid_to: effectiveDate, successor_id: successor.id })
    .where("code", "=", code)
    .execute();
}
