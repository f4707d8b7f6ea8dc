import { hashPassword, MIN_PASSWORD_LENGTH } from "../../app/server/passwords.server";
import { appendAudit, insertUser } from "../../db/queries/credentials";
import { CliError, EXIT_OK, parseOptions, required, UsageError, type CliContext } from "./context";
import { ensureDatabase } from "./ensure";
import { parseRole, resolveUnit } from "./principals";

const USERNAME = /^[A-Za-z0-9._@-]{3,100}$/;
const MAX_PASSWORD_LENGTH = 1024;

/** `create-user --username U --password-stdin --role ROLE [--unit CODE]` (argon2id). */
export async function createUser(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    username: { type: "string" },
    "password-stdin": { type: "boolean" },
    role: { type: "string" },
    unit: { type: "string" },
  });
  const username = required(values.username, "username");
  if (!USERNAME.test(username)) {
    throw new UsageError("Tên đăng nhập 3–100 ký tự: chữ không dấu, số, . _ @ - (username: 3–100 of A-Z a-z 0-9 . _ @ -)");
  }
  if (values["password-stdin"] !== true) {
    throw new UsageError("Cần --password-stdin: mật khẩu được đọc từ stdin, không đặt trên dòng lệnh (password is read from standard input)");
  }
  const role = parseRole(required(values.role, "role"));

  const password = (await ctx.io.readLine()).replace(/\r$/, "");
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new CliError(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự (password needs at least ${MIN_PASSWORD_LENGTH} characters)`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) throw new CliError("Mật khẩu quá dài (password too long)");

  const db = ctx.db();
  await ensureDatabase(db);
  const unit = await resolveUnit(db, role, values.unit?.trim() || undefined);
  const passwordHash = await hashPassword(password);
  const now = new Date().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom("app_user").select("id").where("username", "=", username).executeTakeFirst();
    if (taken) throw new CliError(`Tên đăng nhập "${username}" đã tồn tại (username already exists)`);
    const userId = await insertUser(trx, { username, passwordHash, role, unitId: unit?.id ?? null }, now);
    await appendAudit(trx, { actor: "cli", action: "user.create", entity: "app_user", entityId: String(userId), after: { username, role, unit: unit?.code ?? null } }, now);
    return userId;
  });
  ctx.io.out(`Đã tạo tài khoản "${username}" (#${id}), vai trò ${role}${unit ? `, đơn vị ${unit.code} (${unit.name})` : ""} (user created).`);
  return EXIT_OK;
}
