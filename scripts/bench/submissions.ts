import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb } from "../../db/index";
import { closedLoop, openLoop, type LoadResult, type MakeRequest } from "./load";
import { prepareBenchDb, sipasBody, spawnApp, spawnBaseline } from "./spawn";

export interface SubmissionFigures {
  dialect: "sqlite" | "postgres";
  app: { throughput: LoadResult; at200: LoadResult };
  baseline?: { throughput: LoadResult; at200: LoadResult };
  /** app throughput ÷ baseline throughput. */
  ratio?: number;
  stored: number;
}

export interface SubmissionOptions {
  clients: number;
  total: number;
  openSeconds: number;
  log: (line: string) => void;
}

function requests(tokens: string[]): MakeRequest {
  return (i) => ({
    path: "/api/v1/responses",
    body: JSON.stringify(sipasBody(randomUUID(), i)),
    headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
  });
}

async function measure(url: string, make: MakeRequest, o: SubmissionOptions) {
  await closedLoop(url, make, { clients: o.clients, total: Math.min(300, o.total) }); // warm-up
  const throughput = await closedLoop(url, make, { clients: o.clients, total: o.total });
  const at200 = await openLoop(url, make, { rate: 200, seconds: o.openSeconds });
  return { throughput, at200 };
}

async function countResponses(databaseUrl: string): Promise<number> {
  const db = createDb(databaseUrl);
  try {
    const row = await db.selectFrom("response").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.destroy();
  }
}

/** Durable submissions over real HTTP on SQLite (synchronous=FULL), against the bare baseline. */
export async function benchSqliteSubmissions(o: SubmissionOptions): Promise<SubmissionFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hailong-bench-"));
  try {
    const file = path.join(dir, "app.sqlite");
    const tokens = await prepareBenchDb(file, o.clients);
    o.log("SQLite: app server (npm start path) …");
    const app = await spawnApp(file);
    const appFigures = await measure(app.url, requests(tokens), o).finally(() => app.stop());
    o.log("SQLite: bare node:http baseline …");
    const baselineFile = path.join(dir, "baseline.sqlite");
    await prepareBenchDb(baselineFile, 0);
    const baseline = await spawnBaseline(baselineFile);
    const baseFigures = await measure(baseline.url, requests(tokens), o).finally(() => baseline.stop());
    return {
      dialect: "sqlite",
      app: appFigures,
      baseline: baseFigures,
      ratio: appFigures.throughput.perSecond / baseFigures.throughput.perSecond,
      stored: await countResponses(file),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same submissions against PostgreSQL (durable defaults), no baseline. */
export async function benchPostgresSubmissions(adminUrl: string, o: SubmissionOptions): Promise<SubmissionFigures> {
  const name = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const tokens = await prepareBenchDb(url, o.clients);
  o.log("PostgreSQL: app server …");
  const app = await spawnApp(url);
  const figures = await measure(app.url, requests(tokens), o).finally(() => app.stop());
  return { dialect: "postgres", app: figures, stored: await countResponses(url) };
}
