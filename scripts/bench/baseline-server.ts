// The baseline of the submission benchmark: a bare node:http server doing the same durable
// work per request as the app (parse JSON, one transaction inserting the response and its
// answers, synchronous=FULL), without Remix, validation or group commit.
// Run: tsx scripts/bench/baseline-server.ts <sqlite file> ; prints "listening <port>".
import http from "node:http";
import { openSqlite } from "../../db/index";

const db = openSqlite(process.argv[2]);
db.exec(`create table if not exists b_response (id text primary key, unit text, survey text, submitted_at text, body_hash text);
         create table if not exists b_answer (response_id text, question_id text, code real, text text, primary key (response_id, question_id));`);
const insertResponse = db.prepare("insert into b_response values (?, ?, ?, ?, ?)");
const insertAnswer = db.prepare("insert into b_answer values (?, ?, ?, ?)");
const store = db.transaction((b: { id: string; unit: string; survey: string; submittedAt: string; answers: Record<string, unknown> }) => {
  insertResponse.run(b.id, b.unit, b.survey, b.submittedAt, "");
  for (const [q, v] of Object.entries(b.answers)) insertAnswer.run(b.id, q, typeof v === "number" ? v : null, typeof v === "number" ? null : String(v));
});

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    try {
      store(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      res.writeHead(201, { "content-type": "application/json" }).end('{"status":"created"}');
    } catch {
      res.writeHead(400).end();
    }
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
