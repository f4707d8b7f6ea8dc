import { expect } from "vitest";
import type { Db } from "../../db/index";

/** The roll-ups equal a recount from the raw rows (responses, and answers with codes 1–5). */
export async function rollupsMatchRecount(db: Db): Promise<void> {
  const responses = Number((await db.selectFrom("response").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const rolled = await db.selectFrom("rollup_response").select((eb) => eb.fn.sum<number>("count").as("n")).executeTakeFirstOrThrow();
  expect(Number(rolled.n ?? 0)).toBe(responses);
  const unitYear = await db.selectFrom("rollup_unit_response").select((eb) => eb.fn.sum<number>("count").as("n")).where("channel", "=", "*").where((eb) => eb.fn("length", ["period"]), "=", 4).executeTakeFirstOrThrow();
  expect(Number(unitYear.n ?? 0)).toBe(responses);
  const raw = await db
    .selectFrom("answer")
    .select(["question_id", "code", (eb) => eb.fn.countAll<number>().as("n")])
    .where("code", ">=", 1)
    .where("code", "<=", 5)
    .groupBy(["question_id", "code"])
    .execute();
  const cells = await db
    .selectFrom("rollup_answer")
    .select(["question_id", "code", (eb) => eb.fn.sum<number>("count").as("n")])
    .where("question_id", "not like", "@%")
    .groupBy(["question_id", "code"])
    .execute();
  const key = (r: { question_id: string; code: number | null; n: number }) => `${r.question_id}:${Number(r.code)}:${Number(r.n)}`;
  expect(cells.map(key).sort()).toEqual(raw.map(key).sort());
}
