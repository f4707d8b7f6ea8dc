import fs from "node:fs";
import { publishDefinition } from "../../app/server/publish.server";
import { CliError, EXIT_ERROR, EXIT_OK, parseOptions, UsageError, type CliContext } from "./context";
import { ensureDatabase } from "./ensure";

/** `publish FILE.json`: validate a survey definition and publish it as the next version. */
export async function publish(ctx: CliContext, args: string[]): Promise<number> {
  const { positionals } = parseOptions(args, {}, 1);
  const file = positionals[0];
  if (!file) throw new UsageError("Thiếu tên tệp (missing FILE): npm run cli -- publish FILE.json");
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CliError(`Không đọc được JSON (cannot read JSON) ${file}: ${(error as Error).message}`);
  }
  const db = ctx.db();
  await ensureDatabase(db);
  const result = await publishDefinition(db, json, "cli");
  if (!result.ok) {
    ctx.io.err(`Bộ câu hỏi không hợp lệ, chưa xuất bản (invalid definition, not published): ${file}`);
    for (const e of result.errors) ctx.io.err(`  ${e.path || "(gốc)"}: ${e.message}`);
    return EXIT_ERROR;
  }
  ctx.io.out(
    result.created
      ? `Đã xuất bản ${result.slug} phiên bản ${result.version} (published ${result.slug} v${result.version}).`
      : `Không thay đổi: ${result.slug} phiên bản ${result.version} đã có nội dung này (unchanged, same as v${result.version}).`,
  );
  return EXIT_OK;
}
