// globalSetup of the "e2e" project: build the app once (`remix build`) before any browser test.
// E2E_SKIP_BUILD=1 skips it (e.g. when build/ is fresh and you iterate on one test).
import { spawnSync } from "node:child_process";
import type { TestProject } from "vitest/node";

export default function setup(project: TestProject): void {
  if (process.env.E2E_SKIP_BUILD === "1") return;
  const started = Date.now();
  const result = spawnSync("npx", ["--no-install", "remix", "build"], {
    cwd: project.config.root,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 180_000,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    throw new Error(
      `e2e: \`npx remix build\` failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`,
    );
  }
  if (process.env.TEST_VERBOSE) console.log(`[e2e-global-setup] remix build: ${Date.now() - started} ms`);
}
