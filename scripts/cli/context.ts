import readline from "node:readline";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { createDb, type Db } from "../../db/index";
import { parseEnv, type Env } from "../../app/server/env.server";

// What every command gets: its output streams, the parsed environment and a database opened
// on first use. Tests build one with their own database and captured output.

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** A progress line on stderr (overwritten in a terminal; one line each otherwise). */
  progress(line: string, final?: boolean): void;
  /** The first line of standard input (without its line break). */
  readLine(): Promise<string>;
}

export interface CliContext {
  io: CliIo;
  env: Env;
  db(): Db;
}

export type Command = (ctx: CliContext, args: string[]) => Promise<number>;

/** Wrong use of the command line: exit code 2. */
export class UsageError extends Error {}
/** A command that could not do its job: exit code 1. */
export class CliError extends Error {}

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

export function nodeIo(): CliIo {
  const tty = process.stderr.isTTY === true;
  let pending = false;
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => {
      if (pending) process.stderr.write("\n");
      pending = false;
      process.stderr.write(`${line}\n`);
    },
    progress: (line, final) => {
      if (tty) {
        process.stderr.write(`\r${line}${final ? "\n" : ""}`);
        pending = !final;
      } else process.stderr.write(`${line}\n`);
    },
    readLine: () =>
      new Promise((resolve) => {
        const rl = readline.createInterface({ input: process.stdin, terminal: false });
        let done = false;
        rl.once("line", (line) => {
          done = true;
          rl.close();
          resolve(line);
        });
        rl.once("close", () => {
          if (!done) resolve("");
        });
      }),
  };
}

export interface ContextOptions {
  io?: CliIo;
  env?: Record<string, string | undefined>;
  /** An open database (tests); otherwise one is opened from DATABASE_URL on first use. */
  db?: Db;
}

export function createContext(opts: ContextOptions = {}): CliContext & { close(): Promise<void> } {
  let env: Env;
  try {
    env = parseEnv(opts.env ?? process.env);
  } catch (error) {
    throw new CliError(`Cấu hình môi trường không hợp lệ (invalid environment): ${(error as Error).message}`);
  }
  let db = opts.db;
  let opened = false;
  return {
    io: opts.io ?? nodeIo(),
    env,
    db() {
      if (!db) {
        db = createDb(env.DATABASE_URL);
        opened = true;
      }
      return db;
    },
    async close() {
      if (opened && db) await db.destroy();
    },
  };
}

/** node:util parseArgs with our exit codes: any mistake is a UsageError. */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T, positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length > positionals) {
    throw new UsageError(`Thừa tham số (unexpected argument): ${parsed.positionals[positionals]}`);
  }
  return parsed;
}

/** A required --option value. */
export function required(value: string | boolean | undefined, name: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`Thiếu --${name} (missing --${name})`);
  return value.trim();
}
