import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../app/server/passwords.server";
import { USERNAME, createUser as createUserRecord, normalizeUsername } from "../../app/server/users.server";
import { CliError, EXIT_OK, parseOptions, required, UsageError, type CliContext } from "./context";
import { ensureDatabase } from "./ensure";
import { parseRole, resolveUnit } from "./principals";

/**
 * `create-user --username U --password-stdin --role ROLE [--unit CODE]` (argon2id): the same
 * username and password rules, record and audit row as the console's (users.server.ts).
 */
export async function createUser(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    username: { type: "string" },
    "password-stdin": { type: "boolean" },
    role: { type: "string" },
    unit: { type: "string" },
  });
  const username = normalizeUsername(required(values.username, "username"));
  if (!USERNAME.test(username)) {
    throw new UsageError("Tên đăng nhập 3–64 ký tự: chữ thường không dấu, số, . _ @ - (username: 3–64 of a-z 0-9 . _ @ -)");
  }
  if (values["password-stdin"] !== true) {
    throw new UsageError("Cần --password-stdin: mật khẩu được đọc từ stdin, không đặt trên dòng lệnh (password is read from standard input)");
  }
  const role = parseRole(required(values.role, "role"));

  const password = (await ctx.io.readLine()).replace(/\r$/, "");
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new CliError(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự (password needs at least ${MIN_PASSWORD_LENGTH} characters)`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) throw new CliError(`Mật khẩu tối đa ${MAX_PASSWORD_LENGTH} ký tự (password too long)`);

  const db = ctx.db();
  await ensureDatabase(db);
  const unit = await resolveUnit(db, role, values.unit?.trim() || undefined);
  // The operator is the whole province: the root unit (or none) gives a whole-province account.
  const unitId = unit && unit.parent_id !== null ? unit.id : null;
  const id = await createUserRecord(db, { username, password, role, unitId }, "cli");
  if (id === null) throw new CliError(`Tên đăng nhập "${username}" đã tồn tại (username already exists)`);
  ctx.io.out(`Đã tạo tài khoản "${username}" (#${id}), vai trò ${role}${unit ? `, đơn vị ${unit.code} (${unit.name})` : ""} (user created).`);
  return EXIT_OK;
}
