// The command line against a real database (once per dialect). Commands are called in
// process through runCli (same parsing, same exit codes); one spawn proves the entry point.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../app/server/passwords.server";
import { createHasher } from "../../app/server/secrets.server";
import { findApiToken, findKioskByToken } from "../../db/queries/credentials";
import { runCli } from "../../scripts/cli/run";
import type { CliIo } from "../../scripts/cli/context";
import { createTestDb, dialect, type TestDb } from "../support/test-db";

const SECRET_KEY = "cli-test-secret-key-0123456789abcdefghij";

interface Captured {
  code: number;
  out: string;
  err: string;
}

describe(`cli commands [${dialect()}]`, () => {
  let t: TestDb;
  let dir: string;

  async function cli(argv: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Promise<Captured> {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      progress: (l, final) => final && err.push(l),
      readLine: async () => (opts.stdin ?? "").split("\n")[0],
    };
    const env = { DATABASE_URL: t.url, SECRET_KEY, PORT: "3999", SEED_DEMO: "0", ...opts.env };
    const code = await runCli(argv, { db: t.db, io, env });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  const audit = (action: string) => t.db.selectFrom("audit_log").selectAll().where("action", "=", action).execute();

  beforeAll(async () => {
    t = await createTestDb();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hailong-cli-"));
    const units = path.join(dir, "units.csv");
    fs.writeFileSync(units, "code,name,parent,level\n24,Tỉnh Bắc Ninh,,tinh\n24.X-TIEN-DU,UBND xã Tiên Du,24,xa\n");
    expect((await cli(["import-units", units])).code).toBe(0);
  });
  afterAll(async () => {
    await t?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("prints usage for help and for no arguments; unknown commands and options are usage errors (2)", async () => {
    const help = await cli(["help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("import-units FILE.csv|xlsx");
    expect((await cli([])).out).toBe(help.out);
    const unknown = await cli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown command");
    expect((await cli(["create-token", "--name", "x", "--role", "admin", "--bogus"])).code).toBe(2);
    expect((await cli(["create-token", "--name", "x", "--role", "root"])).code).toBe(2);
    expect((await cli(["import-units"])).code).toBe(2);
  });

  it("migrate is idempotent and publishes the shipped questionnaires", async () => {
    const run = await cli(["migrate"]);
    expect(run.code).toBe(0);
    const surveys = await t.db.selectFrom("survey").select("slug").execute();
    expect(surveys.map((s) => s.slug)).toContain("sipas-2017");
    expect((await cli(["migrate"])).out).toContain("up to date");
  });

  it("maintain compacts the roll-up tables, changes no count, and audits", async () => {
    const counts = () => t.db.selectFrom("rollup_unit_answer").selectAll().execute().then((rows) => rows.map((r) => JSON.stringify(r)).sort());
    const before = await counts();
    const run = await cli(["maintain"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`roll-up tables maintained, ${dialect()}`);
    expect(await counts()).toEqual(before);
    expect(await audit("db.maintain")).toHaveLength(1);
  });

  it("create-user stores an argon2id hash, reads the password from stdin and audits", async () => {
    const run = await cli(["create-user", "--username", "quantri", "--password-stdin", "--role", "admin"], { stdin: "mật-khẩu-đủ-dài-2026\n" });
    expect(run.code).toBe(0);
    const user = await t.db.selectFrom("app_user").selectAll().where("username", "=", "quantri").executeTakeFirstOrThrow();
    expect(user.password_hash.startsWith("$argon2id$")).toBe(true);
    expect(user.password_hash).toContain("m=19456,t=2,p=1");
    expect(await verifyPassword(user.password_hash, "mật-khẩu-đủ-dài-2026")).toBe(true);
    expect((await audit("user.create")).map((a) => a.actor)).toEqual(["cli"]);

    const manager = await cli(["create-user", "--username", "tiendu", "--password-stdin", "--role", "unit-manager", "--unit", "24.X-TIEN-DU"], { stdin: "0123456789" });
    expect(manager.code).toBe(0);
    const short = await cli(["create-user", "--username", "ngan", "--password-stdin", "--role", "analyst"], { stdin: "ngắn" });
    expect(short).toMatchObject({ code: 1 });
    expect(short.err).toContain("10");
    expect((await cli(["create-user", "--username", "quantri", "--password-stdin", "--role", "admin"], { stdin: "0123456789" })).code).toBe(1);
    expect((await cli(["create-user", "--username", "x1y", "--role", "admin"], { stdin: "0123456789" })).code).toBe(2);
    expect((await cli(["create-user", "--username", "nounit", "--password-stdin", "--role", "unit-manager"], { stdin: "0123456789" })).code).toBe(2);
    expect((await cli(["create-user", "--username", "badunit", "--password-stdin", "--role", "analyst", "--unit", "NOPE"], { stdin: "0123456789" })).code).toBe(1);
    expect(await t.db.selectFrom("app_user").select("username").orderBy("username").execute()).toEqual([{ username: "quantri" }, { username: "tiendu" }]);
  });

  it("create-token prints a token once whose keyed hash authenticates", async () => {
    const run = await cli(["create-token", "--name", "Hệ thống một cửa", "--role", "unit-manager", "--unit", "24.X-TIEN-DU"]);
    expect(run.code).toBe(0);
    const token = /^(hlt_[A-Za-z0-9_-]{20,})$/m.exec(run.out)?.[1];
    expect(token).toBeDefined();
    const row = await findApiToken(t.db, createHasher(SECRET_KEY).hash("token", token!));
    expect(row).toMatchObject({ name: "Hệ thống một cửa", role: "unit-manager", revoked_at: null });
    const stored = await t.db.selectFrom("api_token").select("token_hash").execute();
    expect(stored.some((s) => s.token_hash.includes(token!))).toBe(false);
    expect(await audit("token.create")).toHaveLength(1);
  });

  it("create-kiosk prints an absolute setup URL (7 days) and a kiosk bearer token", async () => {
    const run = await cli(["create-kiosk", "--unit", "24.X-TIEN-DU", "--counter", "Quầy 2", "--survey", "nhanh"], {
      env: { PUBLIC_URL: "https://hailong.example.gov.vn/" },
    });
    expect(run.code).toBe(0);
    const setup = /^https:\/\/hailong\.example\.gov\.vn\/kiosk\/setup\/(hls_[A-Za-z0-9_-]+)$/m.exec(run.out)?.[1];
    const token = /^(hlk_[A-Za-z0-9_-]+)$/m.exec(run.out)?.[1];
    expect(setup && token).toBeTruthy();
    const hasher = createHasher(SECRET_KEY);
    const kiosk = await findKioskByToken(t.db, hasher.hash("token", token!));
    expect(kiosk).toMatchObject({ counter: "Quầy 2", status: "active" });
    const row = await t.db.selectFrom("kiosk").selectAll().where("id", "=", kiosk!.id).executeTakeFirstOrThrow();
    expect(row.setup_hash).toBe(hasher.hash("token", setup!));
    const days = (Date.parse(row.setup_expires_at!) - Date.parse(row.created_at)) / 86400_000;
    expect(days).toBeCloseTo(7, 3);
    expect(row.survey_id).not.toBeNull();

    const local = await cli(["create-kiosk", "--unit", "24.X-TIEN-DU"]);
    expect(local.out).toMatch(/^http:\/\/localhost:3999\/kiosk\/setup\/hls_/m);
    expect((await cli(["create-kiosk", "--unit", "NOPE"])).code).toBe(1);
    expect((await cli(["create-kiosk", "--unit", "24.X-TIEN-DU", "--survey", "khong-co"])).code).toBe(1);
    expect((await cli(["create-kiosk"])).code).toBe(2);
    expect(await audit("register")).toHaveLength(2);
  });

  it("publish validates a definition and publishes the next version", async () => {
    const def = JSON.parse(fs.readFileSync("survey-definitions/nhanh.json", "utf8"));
    def.title.vi = `${def.title.vi} (sửa)`;
    const file = path.join(dir, "nhanh.json");
    fs.writeFileSync(file, JSON.stringify(def));
    const run = await cli(["publish", file]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/nhanh phiên bản 2/);
    expect((await cli(["publish", file])).out).toContain("unchanged");
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ ...def, sections: "nope" }));
    const invalid = await cli(["publish", bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain("sections");
    fs.writeFileSync(bad, "{ not json");
    expect((await cli(["publish", bad])).code).toBe(1);
  });

  it("import commands exit 1 and write nothing when a row is rejected", async () => {
    const file = path.join(dir, "bad-units.csv");
    fs.writeFileSync(file, "code,name,parent,level\n24.X-MOI,Xã Mới,24,xa\n24.X-LOI,,24,xa\n");
    const run = await cli(["import-units", file]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/Dòng 3 \(mã 24\.X-LOI\): Thiếu tên/);
    expect(run.err).toContain("nothing was written");
    expect(await t.db.selectFrom("unit").select("code").where("code", "=", "24.X-MOI").execute()).toEqual([]);
    const services = path.join(dir, "services.csv");
    fs.writeFileSync(services, "\uFEFFcode,name,field,level\r\n1.001193,Đăng ký khai sinh,Hộ tịch,xa\r\n");
    expect((await cli(["import-services", services])).code).toBe(0);
    expect((await cli(["import-services", path.join(dir, "missing.csv")])).code).toBe(1);
  });

  it("runs as a real process: npx tsx scripts/cli.ts help", async () => {
    const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/cli.ts", "help"], { env: { ...process.env, DATABASE_URL: t.url } });
    expect(stdout).toContain("create-kiosk --unit CODE");
  });
});
