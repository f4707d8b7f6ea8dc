import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// One config, five projects (see docs/decisions/001-testing.md):
//   unit, component                      fast, no I/O beyond the file system
//   integration-sqlite, -postgres        the SAME files, once per database dialect
//   e2e                                  built app + real Chromium, one file at a time
//
// Every project `extends: true`, so it inherits `resolve.alias` below.

const app = fileURLToPath(new URL("./app", import.meta.url));

const integrationInclude = ["tests/integration/**/*.test.ts"];

export default defineConfig({
  resolve: {
    alias: { "~": app },
  },
  test: {
    // 2-core machines: two workers at most. The e2e project runs on its own afterwards
    // (fileParallelism: false puts its files in a final, single-worker group).
    maxWorkers: 2,
    // Per-file isolation (the default) stays on: every test file gets a fresh module graph.
    isolate: true,
    passWithNoTests: true,
    teardownTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "component",
          include: ["tests/component/**/*.test.tsx"],
          environment: "jsdom",
          setupFiles: ["tests/support/component-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration-sqlite",
          include: integrationInclude,
          environment: "node",
          env: { TEST_DIALECT: "sqlite" },
          // HTTP tests run the built app (scripts/server.ts): build it when stale.
          globalSetup: ["tests/support/build-global-setup.ts"],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration-postgres",
          include: integrationInclude,
          environment: "node",
          env: { TEST_DIALECT: "postgres" },
          // Starts ONE embedded PostgreSQL for the run; provides `pgAdminUrl`.
          globalSetup: ["tests/support/build-global-setup.ts", "tests/support/postgres-global-setup.ts"],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "crash",
          include: ["tests/crash/**/*.test.ts"],
          environment: "node",
          // Spawns the built server (`npm start` path) and kills it: build it when stale.
          globalSetup: ["tests/support/build-global-setup.ts"],
          testTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          name: "scale",
          // `npm run test:scale`: a PostgreSQL primary + hot standby (Debian's postgresql
          // binaries), failover under load, federation of provinces.
          include: ["tests/scale/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/build-global-setup.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          // Builds the app when stale (skipped with E2E_SKIP_BUILD=1).
          globalSetup: ["tests/support/build-global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
