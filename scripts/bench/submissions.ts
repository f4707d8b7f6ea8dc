import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb } from "../../db/index";
import { closedLoop, openLoop, type LoadResult, type MakeRequest } from "./load";
import { prepareBenchDb, sipasBody, spawnApp, spawnBaseline } from "./spawn";

type Figures = { throughput: LoadResult; at200: LoadResult };

export interface SubmissionFigures {
  dialect: "sqlite" | "postgres";
  app: Figures;
  /** Bare node:http, one transaction per request. */
  baseline: Figures;
  /** Bare node:http with the app's group commit: the honest ceiling. */
  ceiling: Figures;
  /** app throughput ÷ baseline throughput. */
  ratio: number;
  /** app throughput ÷ ceiling throughput. */
  ceilingRatio: number;
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

/**
 * The app, then the bare baseline (a transaction per request), then the bare ceiling (group
 * commit), each on a fresh database made by `fresh(name)`.
 */
async function benchAll(dialect: SubmissionFigures["dialect"], fresh: (name: string) => Promise<string>, o: SubmissionOptions): Promise<SubmissionFigures> {
  const appUrl = await fresh("app");
  const tokens = await prepareBenchDb(appUrl, o.clients);
  o.log(`${dialect}: app server (npm start path) …`);
  const app = await spawnApp(appUrl);
  const appFigures = await measure(app.url, requests(tokens), o).finally(() => app.stop());
  const bare = async (group: boolean) => {
    const url = await fresh(group ? "ceiling" : "baseline");
    await prepareBenchDb(url, 0);
    o.log(`${dialect}: bare node:http ${group ? "with group commit (ceiling)" : "baseline"} …`);
    const server = await spawnBaseline(url, group);
    return measure(server.url, requests(tokens), o).finally(() => server.stop());
  };
  const baseline = await bare(false);
  const ceiling = await bare(true);
  return {
    dialect,
    app: appFigures,
    baseline,
    ceiling,
    ratio: appFigures.throughput.perSecond / baseline.throughput.perSecond,
    ceilingRatio: appFigures.throughput.perSecond / ceiling.throughput.perSecond,
    stored: await countResponses(appUrl),
  };
}

/** Durable submissions over real HTTP on SQLite (synchronous=FULL). */
export async function benchSqliteSubmissions(o: SubmissionOptions): Promise<SubmissionFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hailong-bench-"));
  try {
    return await benchAll("sqlite", async (name) => path.join(dir, `${name}.sqlite`), o);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same submissions against PostgreSQL (durable defaults), one database per server. */
export async function benchPostgresSubmissions(adminUrl: string, o: SubmissionOptions): Promise<SubmissionFigures> {
  return benchAll(
    "postgres",
    async (kind) => {
      const name = `bench_${kind}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      return adminUrl.replace(/\/postgres$/, `/${name}`);
    },
    o,
  );
}
