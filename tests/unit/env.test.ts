import { describe, expect, it } from "vitest";
import { parseEnv } from "~/server/env.server";
import { parseDatabaseUrl } from "../../db/index";

describe("environment", () => {
  it("has working defaults: SQLite in ./data, port 3000", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("./data/hailong.sqlite");
    expect(env.PORT).toBe(3000);
    expect(env.SEED_DEMO).toBe("1");
  });

  it("stops with one clear sentence on a bad port or database URL", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/^Invalid PORT: .*\(got "abc"\)\.$/);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/Invalid PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x/y" })).toThrow(/Invalid DATABASE_URL: DATABASE_URL scheme not supported: mysql/);
    expect(() => parseEnv({ SECRET_KEY: "short" })).toThrow(/SECRET_KEY must be at least 32 characters/);
  });

  it("tells SQLite from PostgreSQL by the URL", () => {
    expect(parseDatabaseUrl("postgres://u@localhost/db")).toEqual({ dialect: "postgres", location: "postgres://u@localhost/db" });
    expect(parseDatabaseUrl("postgresql://u@localhost/db").dialect).toBe("postgres");
    expect(parseDatabaseUrl("file:./data/x.sqlite")).toEqual({ dialect: "sqlite", location: "./data/x.sqlite" });
    expect(parseDatabaseUrl("/var/lib/hailong/db.sqlite")).toEqual({ dialect: "sqlite", location: "/var/lib/hailong/db.sqlite" });
    expect(() => parseDatabaseUrl("  ")).toThrow();
  });
});
