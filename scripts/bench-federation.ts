// `npx tsx scripts/bench-federation.ts [--responses N] [--provinces P]`: P province SQLite
// files of N random sipas-2017 responses each (scripts/bench-data.ts), pushed with
// `federate` to a national instance (SQLite, real HTTP); prints each push's time and the
// national summary's time against one province's own summary of the same size.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase } from "../app/server/bootstrap.server";
import { buildSummary, parseSummaryQuery } from "../app/server/report.server";
import { loadPublishedVersion } from "../app/server/survey-versions.server";
import { createDb } from "../db/index";
import { upsertService } from "../db/queries/services";
import { upsertUnit } from "../db/queries/units";
import { addResponses } from "./bench-data";
import { runCli } from "./cli/run";
import { startServer } from "./server";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("responses", 100_000);
const P = arg("provinces", 3);
const SECRET = "bench-federation-secret-0123456789-abcdefgh";
const log = (line: string) => process.stderr.write(`${line}\n`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hailong-bench-fed-"));
const quiet = { out: () => undefined, err: (l: string) => log(l), progress: () => undefined, readLine: async () => "" };
const lastLine = { out: [] as string[] };
const cli = (args: string[], url: string) =>
  runCli(args, { io: { ...quiet, out: (l: string) => lastLine.out.push(l) }, env: { DATABASE_URL: url, SECRET_KEY: SECRET, SEED_DEMO: "0" } });
const PERIOD = "survey=sipas-2017&from=2026-01-01&to=2026-12-31";
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
};

try {
  const nationalUrl = path.join(dir, "national.sqlite");
  const nationalDb = createDb(nationalUrl);
  const national = await startServer({ db: nationalDb, env: { DATABASE_URL: nationalUrl, PORT: "0", HOST: "127.0.0.1", SECRET_KEY: SECRET, SEED_DEMO: "0", NODE_ENV: "production" } });
  const codes = Array.from({ length: P }, (_, i) => `P${i + 1}`);
  fs.writeFileSync(path.join(dir, "units.csv"), ["code,name,parent,level", "VN,Việt Nam,,quoc-gia", ...codes.map((c) => `${c},Tỉnh ${c},VN,tinh`)].join("\n"));
  await cli(["import-units", path.join(dir, "units.csv")], nationalUrl);
  const tokens: Record<string, string> = {};
  for (const c of [...codes, "analyst"]) {
    await cli(["create-token", "--name", c, "--role", c === "analyst" ? "analyst" : "federation", "--unit", c === "analyst" ? "VN" : c], nationalUrl);
    tokens[c] = lastLine.out[lastLine.out.length - 1];
  }
  const rows: string[] = [];
  let ownMs = 0;
  for (const code of codes) {
    const url = path.join(dir, `${code}.sqlite`);
    const db = createDb(url);
    await prepareDatabase(db);
    const now = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      await upsertUnit(trx, { code, name: `Tỉnh ${code}`, level: "tinh", parentCode: null }, now);
      for (let i = 1; i <= 30; i++) await upsertUnit(trx, { code: `${code}-S${i}`, name: `Sở ${i}`, level: "so", parentCode: code }, now);
      for (let i = 1; i <= 100; i++) await upsertUnit(trx, { code: `${code}-X${i}`, name: `Xã ${i}`, level: "xa", parentCode: code }, now);
      for (let i = 1; i <= 60; i++) await upsertService(trx, { code: `1.${String(i).padStart(6, "0")}`, name: `Thủ tục ${i}`, field: "Khác", level: "xa" }, now);
    });
    const units = await db.selectFrom("unit").select("id").where("code", "!=", code).execute();
    const services = await db.selectFrom("service").select("id").execute();
    const version = (await loadPublishedVersion(db, "sipas-2017"))!;
    log(`${code}: loading ${N} responses …`);
    await addResponses(db, { unitIds: units.map((u) => u.id), serviceIds: services.map((s) => s.id), version }, N, random, 5000);
    const [, own] = await time(() => buildSummary(db, parseSummaryQuery(new URLSearchParams(`${PERIOD}&unit=${code}`)), { unitId: null }));
    ownMs = own;
    await db.destroy();
    const [first, pushMs] = await time(() => cli(["federate", "--to", national.url, "--token", tokens[code]], url));
    const [, againMs] = await time(() => cli(["federate", "--to", national.url, "--token", tokens[code]], url));
    if (first !== 0) throw new Error(`push of ${code} failed`);
    rows.push(`| ${code} | ${N.toLocaleString("en-US")} | ${(pushMs / 1000).toFixed(1)} s | ${(againMs / 1000).toFixed(1)} s | ${own.toFixed(0)} ms |`);
  }
  const summary = () => fetch(`${national.url}/api/v1/reports/summary?${PERIOD}&unit=VN`, { headers: { authorization: `Bearer ${tokens.analyst}` } }).then((r) => r.json());
  await summary();
  const [, nationalMs] = await time(summary);
  console.log(
    [
      `Federation: ${P} provinces × ${N.toLocaleString("en-US")} responses (SQLite instances, loopback HTTP)`,
      "",
      "| province | responses | push | push again (idempotent) | own summary |",
      "|---|---:|---:|---:|---:|",
      ...rows,
      "",
      `National summary ranking the provinces (unit=VN, year, warm): ${nationalMs.toFixed(0)} ms (one province's own summary: ${ownMs.toFixed(0)} ms)`,
    ].join("\n"),
  );
  await national.close();
  await nationalDb.destroy();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
