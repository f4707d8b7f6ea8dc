import { formatCount } from "../../app/metrics/format";
import { backupPostgres, backupSqlite, BackupError, findOnPath } from "../../db/backup";
import { parseDatabaseUrl } from "../../db/index";
import { CliError, EXIT_ERROR, EXIT_OK, parseOptions, UsageError, type CliContext } from "./context";

const PG_GUIDANCE = `Không tìm thấy pg_dump trên PATH (pg_dump not found on PATH).
Cài công cụ khách PostgreSQL cùng phiên bản với máy chủ, ví dụ (install the PostgreSQL client tools
matching the server version, e.g.): sudo apt-get install postgresql-client
rồi chạy lại lệnh này, hoặc tự sao lưu (or back up by hand):
  pg_dump --format=custom --file FILE "$DATABASE_URL"`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;

/** `backup FILE`: a consistent copy of the database while the app runs. */
export async function backup(ctx: CliContext, args: string[]): Promise<number> {
  const { positionals } = parseOptions(args, {}, 1);
  const file = positionals[0];
  if (!file) throw new UsageError("Thiếu tệp đích (missing FILE): npm run cli -- backup FILE");
  const target = parseDatabaseUrl(ctx.env.DATABASE_URL);
  try {
    if (target.dialect === "sqlite") {
      const b = await backupSqlite(ctx.db(), file);
      ctx.io.out(`Đã sao lưu (backup written): ${b.file} — ${mb(b.bytes)}, integrity_check: ok`);
      ctx.io.out(`  ${formatCount(b.counts.unit)} đơn vị, ${formatCount(b.counts.response)} phiếu, ${formatCount(b.counts.answer)} câu trả lời`);
      return EXIT_OK;
    }
    const pgDump = findOnPath("pg_dump");
    if (!pgDump) {
      ctx.io.err(PG_GUIDANCE);
      return EXIT_ERROR;
    }
    const b = await backupPostgres(target.location, file, pgDump);
    ctx.io.out(`Đã sao lưu bằng pg_dump (backup written): ${b.file} — ${mb(b.bytes)}${b.verified ? ", pg_restore --list: ok" : ""}`);
    ctx.io.out(`Khôi phục (restore): pg_restore --clean --if-exists --dbname "$DATABASE_URL" ${b.file}`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof BackupError) {
      const hint = /version mismatch/i.test(error.message)
        ? "\npg_dump phải cùng phiên bản hoặc mới hơn máy chủ PostgreSQL; cài postgresql-client-<phiên bản máy chủ> " +
          "(pg_dump must be the server's major version or newer)."
        : "";
      throw new CliError(`Sao lưu thất bại (backup failed): ${error.message}${hint}`);
    }
    throw error;
  }
}
