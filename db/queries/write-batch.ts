import { PostgresAdapter, sql, type Compilable, type Kysely, type OperationNodeSource } from "kysely";

/** A write statement built but not run (a kysely insert/update/delete builder). */
export type Write = Compilable & OperationNodeSource;

// PostgreSQL allows 65,535 bound parameters per statement; stay well below it.
const PARAMETER_BUDGET = 30_000;

/**
 * Runs writes in order. On PostgreSQL each round trip to the server costs far more than the
 * statement itself (measured on a loaded 2-core machine: milliseconds), so the writes are
 * sent as few statements as possible: data-modifying CTEs, `with w0 as (insert …), w1 as
 * (insert …) insert …`, each write touching distinct rows (the callers sum increments per
 * cell first). SQLite runs in-process: one statement after the other.
 */
export async function runWrites<DB>(k: Kysely<DB>, writes: Write[]): Promise<void> {
  if (!(k.getExecutor().adapter instanceof PostgresAdapter)) {
    for (const w of writes) await k.executeQuery(w.compile());
    return;
  }
  let group: Write[] = [];
  let parameters = 0;
  const flush = async () => {
    if (!group.length) return;
    const last = group[group.length - 1];
    const ctes = group.slice(0, -1).map((w, i) => sql`${sql.raw(`w${i}`)} as (${w})`);
    await (ctes.length ? sql`with ${sql.join(ctes)} ${last}` : sql`${last}`).execute(k);
    group = [];
    parameters = 0;
  };
  for (const w of writes) {
    const count = w.compile().parameters.length;
    if (parameters + count > PARAMETER_BUDGET) await flush();
    group.push(w);
    parameters += count;
  }
  await flush();
}
