import type { Db } from "../../db/index";
import { getUnitByCode } from "../../db/queries/units";
import { ROLES, type Role, type Unit } from "../../db/schema";
import { CliError, UsageError } from "./context";

// Shared checks of create-user and create-token: a known role and, for unit managers, a unit.

export function parseRole(value: string): Role {
  const role = ROLES.find((r) => r === value);
  if (!role) throw new UsageError(`Vai trò không hợp lệ (invalid role) "${value}"; chọn (choose): ${ROLES.join(", ")}`);
  return role;
}

export async function resolveUnit(db: Db, role: Role, code: string | undefined): Promise<Unit | undefined> {
  if (role === "unit-manager" && !code) throw new UsageError("Vai trò unit-manager cần --unit CODE (unit-manager needs --unit)");
  if (!code) return undefined;
  const unit = await getUnitByCode(db, code);
  if (!unit) throw new CliError(`Không có đơn vị mã "${code}" (unknown unit)`);
  return unit;
}
