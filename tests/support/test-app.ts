// A real server (the built Remix app behind express) on a random loopback port, over a
// fresh database of the project's dialect. Needs `build/` (tests/support/build-global-setup.ts).
import { createTestDb, type TestDb } from "./test-db";
import { startServer, type RunningServer } from "../../scripts/server";
import { prepareDatabase } from "../../app/server/bootstrap.server";
import { insertApiToken, insertKiosk } from "../../db/queries/credentials";
import { offerServices, upsertService } from "../../db/queries/services";
import { getUnitByCode, upsertUnit } from "../../db/queries/units";
import { newToken } from "../../app/server/secrets.server";
import type { TokenRole } from "../../db/schema";

export const TEST_SECRET = "test-secret-key-0123456789-abcdefghijklmnop";

export interface TestApp {
  t: TestDb;
  server: RunningServer;
  url: string;
  stop(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await createTestDb();
  await prepareDatabase(t.db);
  const server = await startServer({
    db: t.db,
    env: { DATABASE_URL: t.url, PORT: "0", HOST: "127.0.0.1", SECRET_KEY: TEST_SECRET, SEED_DEMO: "0", NODE_ENV: "test", ...env },
  });
  return {
    t,
    server,
    url: server.url,
    async stop() {
      await server.close();
      await t.destroy();
    },
  };
}

/** A province with two communes and a department; one TTHC offered by commune X1. */
export async function seedSmallProvince(app: TestApp): Promise<void> {
  const now = new Date().toISOString();
  await app.t.db.transaction().execute(async (trx) => {
    await upsertUnit(trx, { code: "T", name: "Tỉnh Thử Nghiệm", level: "tinh", parentCode: null }, now);
    await upsertUnit(trx, { code: "SNV", name: "Sở Nội vụ", level: "so", parentCode: "T" }, now);
    await upsertUnit(trx, { code: "X1", name: "Xã Hòa An", level: "xa", parentCode: "T" }, now);
    await upsertUnit(trx, { code: "X2", name: "Phường Đông Hà", level: "phuong", parentCode: "T" }, now);
    await upsertService(trx, { code: "1.001612", name: "Đăng ký thành lập hộ kinh doanh", field: "Đăng ký kinh doanh", level: "xa" }, now);
    await upsertService(trx, { code: "1.001193", name: "Đăng ký khai sinh", field: "Hộ tịch", level: "xa" }, now);
    const x1 = (await getUnitByCode(trx, "X1"))!;
    const service = await trx.selectFrom("service").select("id").where("code", "=", "1.001612").executeTakeFirstOrThrow();
    await offerServices(trx, x1.id, [service.id]);
  });
}

export async function createToken(app: TestApp, role: TokenRole, unitCode: string | null): Promise<string> {
  const token = newToken("hlt");
  const unit = unitCode ? await getUnitByCode(app.t.db, unitCode) : undefined;
  await insertApiToken(app.t.db, { name: `test ${role}`, tokenHash: app.server.services.hasher.hash("token", token), role, unitId: unit?.id ?? null }, new Date().toISOString());
  return token;
}

export async function createKiosk(app: TestApp, unitCode: string): Promise<string> {
  const token = newToken("hlk");
  const unit = (await getUnitByCode(app.t.db, unitCode))!;
  await insertKiosk(
    app.t.db,
    { unitId: unit.id, counter: "Quầy 1", name: "Kiosk", tokenHash: app.server.services.hasher.hash("token", token), setupHash: app.server.services.hasher.hash("token", newToken("hls")), setupExpiresAt: new Date().toISOString(), surveyId: null },
    new Date().toISOString(),
  );
  return token;
}

export async function api(app: TestApp, path: string, init: RequestInit & { json?: unknown; token?: string; lang?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.lang) headers.set("accept-language", init.lang);
  const res = await fetch(`${app.url}${path}`, {
    ...init,
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (HTML page)
  }
  return { status: res.status, headers: res.headers, body: body as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function count(app: TestApp, table: "response" | "answer" | "rollup_answer" | "rollup_response"): Promise<number> {
  const row = await app.t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}
