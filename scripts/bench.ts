import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { benchPostgresSubmissions, benchSqliteSubmissions, type SubmissionFigures } from "./bench/submissions";

// `npm run bench [-- --quick]`: durable submissions over real HTTP on loopback, against a
// bare node:http baseline in the same run, on SQLite and PostgreSQL. Prints a table and
// writes it as JSON into bench-results/.

const quick = process.argv.includes("--quick");
const log = (line: string) => process.stderr.write(`${line}\n`);
const o = { clients: 16, total: quick ? 1500 : 8000, openSeconds: quick ? 3 : 15, log };

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function rows(f: SubmissionFigures): string[] {
  const line = (who: string, r: SubmissionFigures["app"]) =>
    `| ${f.dialect} | ${who} | ${fmt(r.throughput.perSecond)} | ${r.throughput.errors} | ${fmt(r.at200.p50, 1)} | ${fmt(r.at200.p99, 1)} | ${r.at200.errors} |`;
  return [line("app", f.app), line("baseline (bare node:http, commit per request)", f.baseline), line("ceiling (bare node:http, same group commit)", f.ceiling)];
}

log(`Building the app …`);
execFileSync("npx", ["--no-install", "remix", "build"], { stdio: "ignore" });

const sqlite = await benchSqliteSubmissions(o);
const pgServer = await startEmbeddedPostgres({ durable: true });
let postgres: SubmissionFigures;
try {
  postgres = await benchPostgresSubmissions(pgServer.adminUrl, o);
} finally {
  await pgServer.stop();
}

const table = [
  `Durable submissions (${o.clients} clients × ${fmt(o.total)} requests; latency at 200 req/s for ${o.openSeconds} s)`,
  "",
  "| database | server | submissions/s | errors | p50 ms @200/s | p99 ms @200/s | errors @200/s |",
  "|---|---|---:|---:|---:|---:|---:|",
  ...rows(sqlite),
  ...rows(postgres),
  "",
  ...[sqlite, postgres].map(
    (f) => `${f.dialect}: app ÷ ceiling ${fmt(f.ceilingRatio * 100, 1)}% (goal ≥ 50%), app ÷ baseline ${fmt(f.ratio * 100, 1)}%`,
  ),
  `PostgreSQL app ÷ SQLite app: ${fmt((postgres.app.throughput.perSecond / sqlite.app.throughput.perSecond) * 100, 1)}% (goal ≥ 80%)`,
  `Stored exactly: SQLite ${fmt(sqlite.stored)}, PostgreSQL ${fmt(postgres.stored)} responses (every 2xx)`,
];
console.log(table.join("\n"));

const out = path.resolve("bench-results");
fs.mkdirSync(out, { recursive: true });
const file = path.join(out, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}${quick ? "-quick" : ""}.json`);
fs.writeFileSync(file, JSON.stringify({ quick, when: new Date().toISOString(), sqlite, postgres }, null, 2));
log(`Written ${file}`);
