import type { Db } from "../../db/index";
import { formatCount } from "../../app/metrics/format";
import type { Env } from "../../app/server/env.server";
import { createHasher, loadSecretKey } from "../../app/server/secrets.server";
import { seedDemo, type SeedDemoOptions } from "./demo";

/**
 * First start of `npm start`: with SEED_DEMO=1 (the default) and no units yet, fill the
 * database with the demo province so there is something to look at. Otherwise nothing.
 */
export async function seedDemoIfEmpty(db: Db, env: Env, options: SeedDemoOptions = {}): Promise<void> {
  if (env.SEED_DEMO !== "1") return;
  const row = await db.selectFrom("unit").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  if (Number(row.n) > 0) return;
  const hasher = createHasher(loadSecretKey(env.SECRET_KEY, env.SECRET_KEY_FILE));
  const s = await seedDemo(db, { hasher, actor: "system", ...options });
  console.log(
    `Đã tạo dữ liệu mẫu: ${s.units} đơn vị, ${s.services} thủ tục, ${formatCount(s.responses)} phiếu (demo data created; SEED_DEMO=0 to skip).`,
  );
}
