// The baselines of the submission benchmark: a bare node:http server doing the same durable
// insert as the app — the response, its answers and its roll-up cells through
// db/queries/responses.ts, synchronous=FULL on SQLite, PostgreSQL's durable defaults — but
// without Remix, authentication or validation. Two kinds:
//   (default)  one transaction per request;
//   --group    the app's own GroupCommitter: the honest ceiling for the app.
// Run: tsx scripts/bench/baseline-server.ts <DATABASE_URL prepared by prepareBenchDb> [--group]
import { foldAnswers } from "../../app/survey/folded-answers";
import http from "node:http";
import { createDb } from "../../db/index";
import { insertResponses } from "../../db/queries/responses";
import { answerRows, contentHash } from "../../app/server/ingest.server";
import { rollupCells } from "../../app/survey/rollup-cells";
import { loadPublishedVersion } from "../../app/server/survey-versions.server";
import { monthOf, vnDate } from "../../app/metrics/periods";
import type { AnswerSet } from "../../app/survey/types";
import { GroupCommitter } from "../../app/server/group-commit.server";
import type { PreparedInsert } from "../../db/queries/responses";

const db = createDb(process.argv[2]);
const committer = process.argv.includes("--group") ? new GroupCommitter(db) : null;
const version = (await loadPublishedVersion(db, "sipas-2017"))!;
const unit = await db.selectFrom("unit").select("id").where("code", "=", "BENCH").executeTakeFirstOrThrow();
const service = await db.selectFrom("service").select("id").where("code", "=", "1.001612").executeTakeFirstOrThrow();

async function store(body: { id: string; answers: AnswerSet }) {
  const now = new Date().toISOString();
  const date = vnDate(now);
  const item: PreparedInsert = {
    response: {
      id: body.id, survey_id: version.surveyId, survey_version_id: version.id, unit_id: unit.id, service_id: service.id,
      channel: "paper", kiosk_id: null, dossier_hash: null, locale: "vi", started_at: null, submitted_at: now,
      submitted_date: date, received_at: now, content_hash: contentHash(body),
      answers_folded: foldAnswers(version.definition, body.answers),
    },
    answers: answerRows(body.id, body.answers),
    month: monthOf(date),
    cells: rollupCells(version.definition, version.indexModel, body.answers),
  };
  if (committer) await committer.submit(item);
  else await db.transaction().execute((trx) => insertResponses(trx, [item]));
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    store(JSON.parse(Buffer.concat(chunks).toString("utf8")))
      .then(() => res.writeHead(201, { "content-type": "application/json" }).end('{"status":"created"}'))
      .catch(() => res.writeHead(400).end());
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
