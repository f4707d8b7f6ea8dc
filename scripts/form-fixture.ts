// The built app on a throw-away SQLite file with one commune offering one TTHC: enough for the
// citizen form. Used by the byte and load measurements (bundle-size.ts, bench-form-load.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../db/index";
import { offerServices, upsertService } from "../db/queries/services";
import { getUnitByCode, upsertUnit } from "../db/queries/units";
import { prepareDatabase } from "../app/server/bootstrap.server";
import { startServer } from "./server";

/** The form of the fixture's commune X1 for TTHC 1.001612 (default survey sipas-2017). */
export const FORM_PATH = "/danh-gia/X1/1.001612";

export interface FormFixture {
  url: string;
  close(): Promise<void>;
}

export async function startFormFixture(): Promise<FormFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hailong-form-"));
  const file = path.join(dir, "form.sqlite");
  const db = createDb(file);
  await prepareDatabase(db);
  const now = new Date().toISOString();
  await upsertUnit(db, { code: "T", name: "Tỉnh Thử Nghiệm", level: "tinh", parentCode: null }, now);
  await upsertUnit(db, { code: "X1", name: "Xã Hòa An", level: "xa", parentCode: "T" }, now);
  await upsertService(db, { code: "1.001612", name: "Đăng ký thành lập hộ kinh doanh", field: "Đăng ký kinh doanh", level: "xa" }, now);
  const x1 = (await getUnitByCode(db, "X1"))!;
  const service = await db.selectFrom("service").select("id").where("code", "=", "1.001612").executeTakeFirstOrThrow();
  await offerServices(db, x1.id, [service.id]);
  const server = await startServer({
    db,
    env: { DATABASE_URL: file, PORT: "0", HOST: "127.0.0.1", SECRET_KEY: "fixture-secret-key-0123456789-abcdefghijklmnop", SEED_DEMO: "0", NODE_ENV: "production" },
  });
  return {
    url: server.url,
    async close() {
      await server.close();
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
