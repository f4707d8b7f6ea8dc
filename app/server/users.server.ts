import { z } from "zod";
import { appendAudit, insertUser } from "../../db/queries/credentials";
import { deleteUserSessions } from "../../db/queries/sessions";
import { getUnitByCode } from "../../db/queries/units";
import { pickedUnitCode } from "~/org/levels";
import { getUser, setUserDisabled, setUserPassword, updateUserRole } from "../../db/queries/users";
import type { Db } from "../../db/index";
import type { Role } from "../../db/schema";
import { type FieldErrors, nowIso } from "./console.server";
import { MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from "./passwords.server";

const ROLES = ["admin", "analyst", "designer", "unit-manager"] as const;

const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, "users.errors.passwordShort")
  .max(200, "users.errors.passwordLong");

/** New password typed twice; the second must match. */
export const passwordPairSchema = z
  .object({ password: newPassword, password2: z.string() })
  .refine((v) => v.password === v.password2, { path: ["password2"], message: "users.errors.passwordMismatch" });

export const changeOwnPasswordSchema = z
  .object({ current: z.string().min(1, "console.errors.required").max(200), password: newPassword, password2: z.string() })
  .refine((v) => v.password === v.password2, { path: ["password2"], message: "users.errors.passwordMismatch" })
  .refine((v) => v.password !== v.current, { path: ["password"], message: "users.errors.passwordSame" });

export const roleSchema = z.object({
  role: z.enum(ROLES, "users.errors.role"),
  unit: z.string().transform(pickedUnitCode).pipe(z.string().max(64)).optional().default(""),
});

export const createUserSchema = roleSchema.extend({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,50}$/, "users.errors.username"),
  password: newPassword,
  password2: z.string(),
}).refine((v) => v.password === v.password2, { path: ["password2"], message: "users.errors.passwordMismatch" });

/** The unit a role is scoped to: unit-managers need one, admins never have one. */
export async function resolveRoleUnit(db: Db, role: Role, unitCode: string): Promise<{ unitId: number | null } | { errors: FieldErrors }> {
  if (role === "admin") return { unitId: null };
  if (!unitCode) return role === "unit-manager" ? { errors: { unit: "users.errors.unitRequired" } } : { unitId: null };
  const unit = await getUnitByCode(db, unitCode);
  return unit ? { unitId: unit.id } : { errors: { unit: "console.errors.unknownUnit" } };
}

export async function createUser(db: Db, input: { username: string; password: string; role: Role; unitId: number | null }, actor: string): Promise<number | null> {
  const passwordHash = await hashPassword(input.password);
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom("app_user").select("id").where("username", "=", input.username).executeTakeFirst();
    if (taken) return null;
    const id = await insertUser(trx, { username: input.username, passwordHash, role: input.role, unitId: input.unitId }, now);
    await appendAudit(trx, { actor, action: "user.create", entity: "app_user", entityId: input.username, after: { role: input.role, unitId: input.unitId } }, now);
    return id;
  });
}

export async function changeRole(db: Db, userId: number, role: Role, unitId: number | null, actor: string): Promise<void> {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const before = await getUser(trx, userId);
    if (!before) return;
    await updateUserRole(trx, userId, role, unitId);
    await appendAudit(trx, { actor, action: "user.role", entity: "app_user", entityId: before.username, before: { role: before.role, unitId: before.unit_id }, after: { role, unitId } }, now);
  });
}

/** Disabling also ends every session of that user at once. */
export async function setDisabled(db: Db, userId: number, disabled: boolean, actor: string): Promise<void> {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const before = await getUser(trx, userId);
    if (!before) return;
    await setUserDisabled(trx, userId, disabled);
    if (disabled) await deleteUserSessions(trx, userId);
    await appendAudit(trx, { actor, action: disabled ? "user.disable" : "user.enable", entity: "app_user", entityId: before.username, before: { disabled: Boolean(before.disabled) }, after: { disabled } }, now);
  });
}

/** An admin sets a new password: every session of the user ends. The hash never reaches the log. */
export async function resetPassword(db: Db, userId: number, password: string, actor: string, action = "user.password-reset"): Promise<void> {
  const hash = await hashPassword(password);
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const user = await getUser(trx, userId);
    if (!user) return;
    await setUserPassword(trx, userId, hash, now);
    await deleteUserSessions(trx, userId);
    await appendAudit(trx, { actor, action, entity: "app_user", entityId: user.username, after: { passwordChangedAt: now } }, now);
  });
}

/** A user changes their own password after proving the current one. */
export async function changeOwnPassword(db: Db, userId: number, current: string, password: string, actor: string): Promise<boolean> {
  const user = await getUser(db, userId);
  if (!user || !(await verifyPassword(user.password_hash, current))) return false;
  await resetPassword(db, userId, password, actor, "user.password-change");
  return true;
}
