import type { Db } from "../../db/index";
import { getUnitByCode } from "../../db/queries/units";
import { ROLES, type Role, type TokenRole, type Unit } from "../../db/schema";
import { CliError, UsageError } from "./context";

// Shared checks of create-user and create-token: a known role and, for unit managers, a unit.

export function parseRole(value: string): Role {
  const role = ROLES.find((r) => r === value);
  if (!role) throw new UsageError(`Vai trò không hợp lệ (invalid role) "${value}"; chọn (choose): ${ROLES.join(", ")}`);
  return role;
}

/** API tokens may also be `federation` (create-token only; a province's push to the national instance). */
export function parseTokenRole(value: string): TokenRole {
  if (value === "federation") return value;
  return parseRole(value);
}

export async function resolveUnit(db: Db, role: TokenRole, code: string | undefined): Promise<Unit | undefined> {
  if ((role === "unit-manager" || role === "federation") && !code) throw new UsageError(`Vai trò ${role} cần --unit CODE (${role} needs --unit)`);
  if (!code) return undefined;
  const unit = await getUnitByCode(db, code);
  if (!unit) throw new CliError(`Không có đơn vị mã "${code}" (unknown unit)`);
  return unit;
}
