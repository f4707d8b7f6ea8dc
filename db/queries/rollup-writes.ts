import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";
import type { Write } from "./write-batch";

type Db = Kysely<Database>;

/** The six roll-up tables and the columns that identify one of their cells. */
export const ROLLUP_KEYS = {
  rollup_response: ["survey_id", "month", "unit_id", "service_id", "channel", "survey_version_id"],
  rollup_answer: ["survey_id", "month", "unit_id", "service_id", "channel", "survey_version_id", "question_id", "code"],
  rollup_unit_response: ["survey_id", "channel", "period", "unit_id"],
  rollup_unit_answer: ["survey_id", "channel", "period", "unit_id", "question_id", "code"],
  rollup_service_response: ["survey_id", "channel", "period", "service_id"],
  rollup_service_answer: ["survey_id", "channel", "period", "service_id", "question_id", "code"],
} as const;

export type RollupTable = keyof typeof ROLLUP_KEYS;
export type RollupRow<T extends RollupTable> = Database[T];

/** Rows per statement: well below SQLite's and PostgreSQL's bound-parameter limits. */
const ROWS_PER_STATEMENT = 500;

/**
 * The statements adding `count` to each cell (a negative count takes it back), creating
 * missing cells: the one place roll-up increments are written. Each row must be a distinct
 * cell (sum first): one statement may touch a row only once on PostgreSQL. Run them with
 * runWrites, alone or beside the other writes of the same transaction.
 */
export function rollupIncrements<T extends RollupTable>(db: Db, table: T, rows: Array<RollupRow<T>>): Write[] {
  const keys = ROLLUP_KEYS[table] as readonly string[];
  // kysely cannot type a table chosen at run time; the row type above is checked instead.
  const loose = db as unknown as Kysely<Record<string, { count: number }>>;
  const sum = sql<number>`${sql.ref(`${table}.count`)} + excluded.count`;
  const writes: Write[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    writes.push(
      loose
        .insertInto(table)
        .values(rows.slice(i, i + ROWS_PER_STATEMENT) as unknown as Array<{ count: number }>)
        .onConflict((oc) => oc.columns(keys as never).doUpdateSet({ count: sum } as never)),
    );
  }
  return writes;
}
