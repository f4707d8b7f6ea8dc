import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// db/ is the storage layer: schema, migrations, queries. It must not reach up into app/
// (method rules, server modules) — the report module composes db queries with the rules.
function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

describe("layering", () => {
  it("db/ imports nothing from app/", () => {
    const offenders = tsFiles("db").filter((f) => /from\s+["'](?:\.\.\/)+app\/|from\s+["']~\//.test(fs.readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
