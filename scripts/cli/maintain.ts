import { compactRollups } from "../../db/maintenance";
import { appendAudit } from "../../db/queries/credentials";
import { EXIT_OK, parseOptions, type CliContext } from "./context";

/** `maintain`: compact the roll-up tables after a bulk load or import (db/maintenance.ts). */
export async function maintain(ctx: CliContext, args: string[]): Promise<number> {
  parseOptions(args, {});
  const db = ctx.db();
  const t0 = performance.now();
  const done = await compactRollups(db);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  await appendAudit(db, { actor: "cli", action: "db.maintain", entity: "database", after: { ...done, seconds } }, new Date().toISOString());
  ctx.io.out(`Đã bảo trì bảng tổng hợp (roll-up tables maintained, ${done.dialect}) trong ${seconds} giây.`);
  return EXIT_OK;
}
