import { prepareDatabase } from "../../app/server/bootstrap.server";
import { appendAudit } from "../../db/queries/credentials";
import { EXIT_OK, parseOptions, type CliContext } from "./context";

/** `migrate`: migrations, shipped questionnaires and official targets (what `npm start` does first). */
export async function migrate(ctx: CliContext, args: string[]): Promise<number> {
  parseOptions(args, {});
  const db = ctx.db();
  const { migrations, surveys } = await prepareDatabase(db);
  if (migrations.length) {
    // The migrator commits each migration itself; the audit row follows the last one.
    await appendAudit(db, { actor: "cli", action: "db.migrate", entity: "database", after: { migrations } }, new Date().toISOString());
    ctx.io.out(`Đã áp dụng ${migrations.length} migration (migrations applied): ${migrations.join(", ")}`);
  } else {
    ctx.io.out("Cơ sở dữ liệu đã ở phiên bản mới nhất (database is up to date).");
  }
  if (surveys.length) ctx.io.out(`Đã xuất bản bộ câu hỏi (published): ${surveys.join(", ")}`);
  return EXIT_OK;
}
