import { formatCount } from "../../app/metrics/format";
import { createHasher, loadSecretKey } from "../../app/server/secrets.server";
import { DEFAULT_DEMO_RESPONSES, DEFAULT_DEMO_SEED, DemoSeedError, seedDemo } from "../seed/demo";
import { CliError, EXIT_OK, parseOptions, UsageError, type CliContext } from "./context";
import { ensureDatabase } from "./ensure";

const MAX_RESPONSES = 2_000_000;

/** `seed-demo [--responses N] [--seed S]`: the demo province on an empty database. */
export async function seedDemoCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { responses: { type: "string" }, seed: { type: "string" } });
  const responses = values.responses === undefined ? DEFAULT_DEMO_RESPONSES : Number(values.responses);
  if (!Number.isInteger(responses) || responses < 0 || responses > MAX_RESPONSES) {
    throw new UsageError(`--responses phải là số nguyên 0…${formatCount(MAX_RESPONSES)} (must be an integer)`);
  }
  const seed = values.seed ?? DEFAULT_DEMO_SEED;
  const db = ctx.db();
  await ensureDatabase(db);
  const hasher = createHasher(loadSecretKey(ctx.env.SECRET_KEY, ctx.env.SECRET_KEY_FILE));
  let last = 0;
  const step = Math.max(2000, Math.round(responses / 10));
  const started = performance.now();
  try {
    const s = await seedDemo(db, {
      responses,
      seed,
      hasher,
      actor: "cli",
      onProgress: (done, total) => {
        const final = done === total;
        if (!final && done - last < step) return;
        last = done;
        ctx.io.progress(`Đang tạo phiếu (creating responses): ${formatCount(done)}/${formatCount(total)}`, final);
      },
    });
    const perSecond = s.responseSeconds > 0 ? Math.round(s.responses / s.responseSeconds) : 0;
    ctx.io.out(
      `Đã tạo dữ liệu mẫu (demo data created): ${s.units} đơn vị, ${s.services} thủ tục, ${s.kiosks} kiosk, ` +
        `${formatCount(s.responses)} phiếu, ${formatCount(s.dossierCounts)} dòng số hồ sơ — ` +
        `${((performance.now() - started) / 1000).toFixed(1).replace(".", ",")} giây (${formatCount(perSecond)} phiếu/giây), seed "${seed}".`,
    );
  } catch (error) {
    if (error instanceof DemoSeedError) {
      throw new CliError(
        `Không tạo dữ liệu mẫu: cơ sở dữ liệu đã có đơn vị; chỉ chạy seed-demo trên cơ sở dữ liệu trống ` +
          `(the database is not empty: ${error.message}).`,
      );
    }
    throw error;
  }
  return EXIT_OK;
}
