import { sql, type Kysely } from "kysely";

// Frozen once merged: never edit, add a new migration instead. Imports nothing from the app.
//
// Coarser report roll-ups (docs/decisions/004-intervals.md, "Speed"): the detailed
// rollup_answer is keyed month × unit × service × channel × version × question × code, so a
// province-year summary read millions of cells. These drop the service (or the unit) and
// the version; keep a channel "*" row (all channels) beside each channel's own; and keep a
// whole-year row ("2026") beside each month ("2026-03"), so a province-year summary reads
// one row per unit × question × code whatever the volume.

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable("rollup_unit_answer")
    .addColumn("survey_id", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("code", "integer", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rollup_unit_answer_pk", ["survey_id", "channel", "period", "unit_id", "question_id", "code"])
    .execute();
  await db.schema
    .createTable("rollup_unit_response")
    .addColumn("survey_id", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rollup_unit_response_pk", ["survey_id", "channel", "period", "unit_id"])
    .execute();
  await db.schema
    .createTable("rollup_service_answer")
    .addColumn("survey_id", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("service_id", "integer", (c) => c.notNull())
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("code", "integer", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rollup_service_answer_pk", ["survey_id", "channel", "period", "service_id", "question_id", "code"])
    .execute();
  await db.schema
    .createTable("rollup_service_response")
    .addColumn("survey_id", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("service_id", "integer", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rollup_service_response_pk", ["survey_id", "channel", "period", "service_id"])
    .execute();

  // Backfill from the detailed roll-ups: per channel and "*", per month and per year.
  for (const [channel, period] of [["r.channel", "r.month"], ["'*'", "r.month"], ["r.channel", "substr(r.month, 1, 4)"], ["'*'", "substr(r.month, 1, 4)"]]) {
    // PostgreSQL refuses a constant in GROUP BY: the "*" rows group without the channel.
    const byChannel = sql.raw(channel === "r.channel" ? ", r.channel" : "");
    await sql`insert into rollup_unit_answer (survey_id, channel, unit_id, question_id, code, period, count)
      select r.survey_id, ${sql.raw(channel)}, r.unit_id, r.question_id, r.code, ${sql.raw(period)}, sum(r.count) from rollup_answer r
      group by r.survey_id${byChannel}, r.unit_id, r.question_id, r.code, ${sql.raw(period)}`.execute(db);
    await sql`insert into rollup_service_answer (survey_id, channel, service_id, question_id, code, period, count)
      select r.survey_id, ${sql.raw(channel)}, r.service_id, r.question_id, r.code, ${sql.raw(period)}, sum(r.count) from rollup_answer r
      where r.service_id <> 0 group by r.survey_id${byChannel}, r.service_id, r.question_id, r.code, ${sql.raw(period)}`.execute(db);
    await sql`insert into rollup_unit_response (survey_id, channel, unit_id, period, count)
      select r.survey_id, ${sql.raw(channel)}, r.unit_id, ${sql.raw(period)}, sum(r.count) from rollup_response r
      group by r.survey_id${byChannel}, r.unit_id, ${sql.raw(period)}`.execute(db);
    await sql`insert into rollup_service_response (survey_id, channel, service_id, period, count)
      select r.survey_id, ${sql.raw(channel)}, r.service_id, ${sql.raw(period)}, sum(r.count) from rollup_response r
      where r.service_id <> 0 group by r.survey_id${byChannel}, r.service_id, ${sql.raw(period)}`.execute(db);
  }
}

export async function down(db: Db): Promise<void> {
  for (const table of ["rollup_service_response", "rollup_service_answer", "rollup_unit_response", "rollup_unit_answer"]) {
    await db.schema.dropTable(table).execute();
  }
}
