import { createHasher, loadSecretKey, newToken } from "../../app/server/secrets.server";
import { appendAudit, insertApiToken } from "../../db/queries/credentials";
import { EXIT_OK, parseOptions, required, UsageError, type CliContext } from "./context";
import { ensureDatabase } from "./ensure";
import { parseTokenRole, resolveUnit } from "./principals";

/** `create-token --name N --role ROLE [--unit CODE]`: prints the token once; only its keyed hash is stored. */
export async function createToken(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { name: { type: "string" }, role: { type: "string" }, unit: { type: "string" } });
  const name = required(values.name, "name");
  if (name.length > 100) throw new UsageError("Tên mã tối đa 100 ký tự (name: at most 100 characters)");
  const role = parseTokenRole(required(values.role, "role"));
  const db = ctx.db();
  await ensureDatabase(db);
  const unit = await resolveUnit(db, role, values.unit?.trim() || undefined);
  const hasher = createHasher(loadSecretKey(ctx.env.SECRET_KEY, ctx.env.SECRET_KEY_FILE));
  const token = newToken("hlt");
  const now = new Date().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const tokenId = await insertApiToken(trx, { name, tokenHash: hasher.hash("token", token), role, unitId: unit?.id ?? null }, now);
    await appendAudit(trx, { actor: "cli", action: "token.create", entity: "api_token", entityId: String(tokenId), after: { name, role, unit: unit?.code ?? null } }, now);
    return tokenId;
  });
  ctx.io.out(`Đã tạo mã API "${name}" (#${id}), vai trò ${role}${unit ? `, đơn vị ${unit.code}` : ""} (API token created).`);
  ctx.io.out("Mã chỉ hiện MỘT LẦN, hãy lưu lại ngay (shown only once, store it now):");
  ctx.io.out(token);
  return EXIT_OK;
}
