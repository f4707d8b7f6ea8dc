import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { rawResponses, type CountScope } from "./report-scope";

type Db = Kysely<Database>;

/** Written comments (answers to the given text questions) of a report's scope and period, capped. */
export async function commentTexts(db: Db, scope: CountScope, range: { from: string; to: string }, questionIds: string[], limit: number): Promise<string[]> {
  if (!questionIds.length) return [];
  const rows = await rawResponses(db, scope, range)
    .innerJoin("answer as a", "a.response_id", "p.id")
    .where("a.question_id", "in", questionIds)
    .where("a.text", "is not", null)
    .where("a.text", "<>", "")
    .where("a.text", "<>", "na")
    .select("a.text")
    .limit(limit)
    .execute();
  return rows.map((r) => r.text!);
}
