import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every string lives in both languages, and every key is used somewhere (Formbricks'
// scan-translations idea): a key is "used" when it appears as a string literal in app/.

const root = path.resolve(__dirname, "../..");
/** All area files of a language merged; an area key defined in two files is an error. */
function load(lng: string): Record<string, unknown> {
  const dir = path.join(root, "public/locales", lng);
  const merged: Record<string, unknown> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const content = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    for (const key of Object.keys(content)) {
      if (key in merged) throw new Error(`${lng}/${file}: "${key}" is already defined in another file`);
      merged[key] = content[key];
    }
  }
  return merged;
}

const areaFiles = (lng: string) => fs.readdirSync(path.join(root, "public/locales", lng)).filter((f) => f.endsWith(".json")).sort();

function flatten(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const vi = flatten(load("vi"));
const en = flatten(load("en"));
const source = sourceFiles(path.join(root, "app")).map((f) => fs.readFileSync(f, "utf8")).join("\n");
const namespaces = [...new Set(vi.map((k) => k.split(".")[0]))];
const literal = new RegExp(`["'\`]((?:${namespaces.join("|")})\\.[A-Za-z0-9_.-]+)["'\`]`, "g");
const referenced = new Set([...source.matchAll(literal)].map((m) => m[1]));

describe("translations", () => {
  it("both languages have the same area files, and every file is loaded by the app", () => {
    expect(areaFiles("en")).toEqual(areaFiles("vi"));
    const loader = fs.readFileSync(path.join(root, "app/i18n/messages.server.ts"), "utf8");
    for (const lng of ["vi", "en"]) for (const f of areaFiles(lng)) expect(loader).toContain(`public/locales/${lng}/${f}`);
  });

  it("Vietnamese and English have the same keys", () => {
    expect(en.filter((k) => !vi.includes(k))).toEqual([]);
    expect(vi.filter((k) => !en.includes(k))).toEqual([]);
  });

  it("every key referenced in app/ exists", () => {
    expect([...referenced].filter((k) => !vi.includes(k))).toEqual([]);
  });

  it("every key is used in app/", () => {
    expect(vi.filter((k) => !referenced.has(k))).toEqual([]);
  });

  it("no translation is empty", () => {
    // Each language's files read once (not once per key: that took seconds).
    const empty = (lng: string) => {
      const all = load(lng);
      return flatten(all).filter((k) => !String(k.split(".").reduce<any>((o, p) => o[p], all)).trim()); // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    expect(empty("vi")).toEqual([]);
    expect(empty("en")).toEqual([]);
  });
});
