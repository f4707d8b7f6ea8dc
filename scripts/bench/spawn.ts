import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createDb } from "../../db/index";
import { insertApiToken } from "../../db/queries/credentials";
import { offerServices, upsertService } from "../../db/queries/services";
import { getUnitByCode, upsertUnit } from "../../db/queries/units";
import { prepareDatabase } from "../../app/server/bootstrap.server";
import { createHasher, newToken } from "../../app/server/secrets.server";

// Child-process servers for benchmarks and crash tests: the real `npm start` path
// (scripts/serve.ts), or the bare baseline, each on its own port.

export const BENCH_SECRET = "bench-secret-key-0123456789-abcdefghijklmnopq";
const root = path.resolve(import.meta.dirname, "../..");
// `node --import tsx` rather than the tsx binary: tsx would run the server in a child
// process, so its pid (memory readings, kill -9) would be the wrapper's.
const node = (script: string, ...args: string[]) => [process.execPath, ["--import", "tsx", path.join(root, script), ...args]] as const;

export interface Spawned {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        resolve(m);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => (seen += c.toString()));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${seen}`)));
  });
}

function stopper(child: ChildProcess) {
  return (signal: NodeJS.Signals = "SIGTERM") =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
}

/** Starts the app exactly as `npm start` does (built app required), on a free port. */
export async function spawnApp(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Spawned> {
  const child = spawn(...node("scripts/serve.ts"), {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", SECRET_KEY: BENCH_SECRET, SEED_DEMO: "0", NODE_ENV: "production", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const m = await waitForLine(child, /(http:\/\/\S+:\d+)/);
  return { url: m[1].replace("localhost", "127.0.0.1"), child, stop: stopper(child) };
}

/** The bare node:http baseline; `group`: with the app's group commit (the ceiling). */
export async function spawnBaseline(databaseUrl: string, group = false): Promise<Spawned> {
  const args = group ? [databaseUrl, "--group"] : [databaseUrl];
  const child = spawn(...node("scripts/bench/baseline-server.ts", ...args), { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const m = await waitForLine(child, /listening (\d+)/);
  return { url: `http://127.0.0.1:${m[1]}`, child, stop: stopper(child) };
}

/**
 * A migrated database with one unit ("BENCH", offering TTHC 1.001612) and `tokens` API
 * tokens of role unit-manager (one per load client, so the per-token limit never binds).
 */
export async function prepareBenchDb(databaseUrl: string, tokens: number): Promise<string[]> {
  const db = createDb(databaseUrl);
  try {
    await prepareDatabase(db);
    const now = new Date().toISOString();
    const hasher = createHasher(BENCH_SECRET);
    const issued = Array.from({ length: tokens }, () => newToken("hlt"));
    await db.transaction().execute(async (trx) => {
      await upsertUnit(trx, { code: "BENCH", name: "Đơn vị đo tải", level: "xa", parentCode: null }, now);
      await upsertService(trx, { code: "1.001612", name: "Đăng ký thành lập hộ kinh doanh", field: "Đăng ký kinh doanh", level: "xa" }, now);
      const unit = (await getUnitByCode(trx, "BENCH"))!;
      const service = await trx.selectFrom("service").select("id").where("code", "=", "1.001612").executeTakeFirstOrThrow();
      await offerServices(trx, unit.id, [service.id]);
      for (const t of issued) await insertApiToken(trx, { name: "bench", tokenHash: hasher.hash("token", t), role: "unit-manager", unitId: unit.id }, now);
    });
    return issued;
  } finally {
    await db.destroy();
  }
}

/** A realistic SIPAS 2017 response: 22 criteria (some skipped), background, a comment. */
export function sipasBody(id: string, i: number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (let q = 1; q <= 22; q++) if ((i + q) % 13 !== 0) answers[`tc${q}`] = 1 + ((i * 7 + q * 3) % 5);
  if (i % 5 === 0) answers["y-kien"] = "Cần bố trí thêm ghế ngồi chờ và hướng dẫn rõ hơn.";
  return { id, survey: "sipas-2017", version: 1, unit: "BENCH", service: "1.001612", channel: "paper", locale: "vi", answers };
}
