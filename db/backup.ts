import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import type { Db } from "./index";

// Online backups while the app runs. SQLite: `VACUUM INTO` writes a consistent snapshot
// (one read transaction) into a new, compacted file, then the copy is opened and checked.
// PostgreSQL: `pg_dump --format=custom`, which also reads one consistent snapshot.

export class BackupError extends Error {}

export interface SqliteBackup {
  file: string;
  bytes: number;
  /** Rows per table in the copy, to compare with the source. */
  counts: { unit: number; response: number; answer: number };
}

/** Copies the open SQLite database into `file` (which must not exist) and verifies the copy. */
export async function backupSqlite(db: Db, file: string): Promise<SqliteBackup> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupError(`target exists: ${target}`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await sql`VACUUM INTO ${target}`.execute(db);
  const copy = new SQLite(target, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma("integrity_check") as Array<{ integrity_check: string }>;
    if (check.length !== 1 || check[0].integrity_check !== "ok") {
      throw new BackupError(`integrity_check failed: ${check.map((c) => c.integrity_check).slice(0, 5).join("; ")}`);
    }
    const count = (table: string) => (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { file: target, bytes: fs.statSync(target).size, counts: { unit: count("unit"), response: count("response"), answer: count("answer") } };
  } finally {
    copy.close();
  }
}

/** The first `name` executable on PATH, or null. */
export function findOnPath(name: string, envPath = process.env.PATH ?? ""): string | null {
  for (const dir of envPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/**
 * `pg_dump --format=custom --file FILE URL`. The password travels in PGPASSWORD, not on the
 * command line (where `ps` would show it). Verified with `pg_restore --list` when available.
 */
export async function backupPostgres(url: string, file: string, pgDump: string): Promise<{ file: string; bytes: number; verified: boolean }> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupError(`target exists: ${target}`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (parsed.password) {
    env.PGPASSWORD = decodeURIComponent(parsed.password);
    parsed.password = "";
  }
  const dumped = await run(pgDump, ["--format=custom", "--file", target, parsed.toString()], env);
  if (dumped.code !== 0) {
    fs.rmSync(target, { force: true });
    throw new BackupError(`pg_dump exited with ${dumped.code}: ${dumped.stderr.trim()}`);
  }
  const restore = findOnPath("pg_restore", env.PATH);
  let verified = false;
  if (restore) {
    const listed = await run(restore, ["--list", target], env);
    if (listed.code !== 0) throw new BackupError(`pg_restore --list cannot read the dump: ${listed.stderr.trim()}`);
    verified = true;
  }
  return { file: target, bytes: fs.statSync(target).size, verified };
}
