import { PostgresAdapter, sql } from "kysely";
import type { Db } from "./index";

// Upkeep after bulk loads. Every insert rewrites roll-up rows; on PostgreSQL each rewrite
// leaves the old row version behind, and after a bulk load the rows a report reads are spread
// over a table several times their size (measured: the province-year roll-up read took
// 110 ms at 200,000 responses, 28–31 ms after this). SQLite updates rows in place: it only
// needs fresh planner statistics.

export const ROLLUP_TABLES = ["rollup_answer", "rollup_response", "rollup_unit_answer", "rollup_unit_response", "rollup_service_answer", "rollup_service_response"] as const;

/** Compacts the roll-up tables (PostgreSQL: VACUUM FULL, which locks each table while it runs) and refreshes statistics. */
export async function compactRollups(db: Db): Promise<{ dialect: "sqlite" | "postgres"; tables: readonly string[] }> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`vacuum (full, analyze) ${sql.join(ROLLUP_TABLES.map((t) => sql.table(t)))}`.execute(db);
    return { dialect: "postgres", tables: ROLLUP_TABLES };
  }
  // Sampled statistics: a full ANALYZE reads every index (79 s on a 6 GB file of 1,000,000 responses).
  await sql`pragma analysis_limit = 1000`.execute(db);
  await sql`analyze`.execute(db);
  return { dialect: "sqlite", tables: ROLLUP_TABLES };
}
