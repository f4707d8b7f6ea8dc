// globalSetup of the projects that start the real server (integration-*, e2e): build the
// Remix app once, unless build/ is newer than every source it is made from.
// E2E_SKIP_BUILD=1 skips the check entirely.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

const SOURCES = ["app", "db", "public/locales", "remix.config.js", "package-lock.json"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

export function buildIsFresh(root: string): boolean {
  const built = path.join(root, "build/index.js");
  if (!fs.existsSync(built)) return false;
  const builtAt = fs.statSync(built).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= builtAt);
}

export default function setup(project: TestProject): void {
  const root = project.config.root;
  if (process.env.E2E_SKIP_BUILD === "1" || buildIsFresh(root)) return;
  const result = spawnSync("npx", ["--no-install", "remix", "build"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 180_000,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    throw new Error(`\`npx remix build\` failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  }
}
