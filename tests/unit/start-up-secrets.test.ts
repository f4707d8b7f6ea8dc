import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv, redactSecrets } from "../../app/server/env.server";
import { openSqlite } from "../../db/index";

// Issue 18 point 12: start-up errors print no secret; the SQLite file and its WAL are 0600.
describe("start-up secrets", () => {
  it("does not print a too-short SECRET_KEY", () => {
    expect(() => parseEnv({ SECRET_KEY: "hunter2-short" })).toThrow(/13 characters/);
    try {
      parseEnv({ SECRET_KEY: "hunter2-short" });
    } catch (error) {
      expect((error as Error).message).not.toContain("hunter2");
    }
  });

  it("does not print the password inside DATABASE_URL", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "postgres://hailong:mat-khau-bi-mat@db.example:5432/hailong", PORT: "not-a-port" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("PORT");
    expect(redactSecrets("connect ECONNREFUSED postgres://hailong:mat-khau-bi-mat@db.example/hailong")).toBe("connect ECONNREFUSED postgres://hailong:***@db.example/hailong");
    expect(redactSecrets("key abcdefghijklmnopqrstuvwxyz0123456789 leaked", { SECRET_KEY: "abcdefghijklmnopqrstuvwxyz0123456789" })).toBe("key *** leaked");
  });

  it.skipIf(process.platform === "win32")("creates the SQLite file and its WAL readable by the owner only", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hl-mode-"));
    const file = path.join(dir, "t.sqlite");
    const conn = openSqlite(file);
    conn.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    for (const f of [file, `${file}-wal`]) expect((fs.statSync(f).mode & 0o777).toString(8), f).toBe("600");
    conn.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
