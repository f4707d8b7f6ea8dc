// globalSetup of the "integration-postgres" project: ONE embedded PostgreSQL server for the
// whole run (scripts/embedded-postgres.ts, durability off for speed). Test files create
// their own `t_<random>` database on it (see test-db.ts).
// Set TEST_PG_ADMIN_URL to use an existing server instead (nothing is started then).
import type { TestProject } from "vitest/node";
import { canConnect, startEmbeddedPostgres } from "../../scripts/embedded-postgres";
import "./provided-context";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_PG_ADMIN_URL;
  if (external) {
    await canConnect(external);
    project.provide("pgAdminUrl", external);
    return async () => {};
  }
  const started = Date.now();
  const pg = await startEmbeddedPostgres({ durable: false });
  project.provide("pgAdminUrl", pg.adminUrl);
  if (process.env.TEST_VERBOSE) console.log(`[postgres-global-setup] PostgreSQL ready in ${Date.now() - started} ms`);
  return () => pg.stop();
}
