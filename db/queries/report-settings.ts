import type { Kysely } from "kysely";
import type { Database, ReportSettingTable } from "../schema";

type Db = Kysely<Database>;

export type ReportSettingRow = ReportSettingTable;

/** The root of a unit's tree (the ancestor without a parent), or undefined for an unknown unit. */
export async function rootOf(db: Db, unitId: number) {
  return db
    .selectFrom("unit_closure as c")
    .innerJoin("unit as u", "u.id", "c.ancestor_id")
    .select(["u.id", "u.code", "u.name"])
    .where("c.descendant_id", "=", unitId)
    .where("u.parent_id", "is", null)
    .executeTakeFirst();
}

/** Units without a parent: the roots settings are kept for. */
export function listRoots(db: Db) {
  return db.selectFrom("unit").select(["id", "code", "name"]).where("parent_id", "is", null).orderBy("code").execute();
}

export function getReportSetting(db: Db, rootUnitId: number) {
  return db.selectFrom("report_setting").selectAll().where("root_unit_id", "=", rootUnitId).executeTakeFirst();
}

export async function saveReportSetting(db: Db, row: ReportSettingRow): Promise<void> {
  const { root_unit_id: _key, ...rest } = row;
  await db
    .insertInto("report_setting")
    .values(row)
    .onConflict((oc) => oc.column("root_unit_id").doUpdateSet(rest))
    .execute();
}
