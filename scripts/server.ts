import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { createDb, type Db } from "../db/index";
import { createReadRouter } from "../db/replica";
import { prepareDatabase } from "../app/server/bootstrap.server";
import { parseEnv, type Env } from "../app/server/env.server";
import { loadSecretKey } from "../app/server/secrets.server";
import { createServices, type AppServices } from "../app/server/services.server";
import { capBodies, closeUnreadBodies, dropUntrustedForwarding, refuseCrossSiteForms, strictTransportSecurity } from "./http-guards";

export interface RunningServer {
  url: string;
  port: number;
  services: AppServices;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Environment to parse instead of process.env (tests pass their own). */
  env?: Record<string, string | undefined>;
  /** An existing database handle (tests); otherwise created from DATABASE_URL. */
  db?: Db;
  buildPath?: string;
  /** Called once the database is ready, before the first request (seeding on first start). */
  onDatabaseReady?: (db: Db, env: Env) => Promise<void>;
}

/** TRUST_PROXY as Express reads it: off, a hop count, or the proxies' addresses. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === "0") return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const env = parseEnv(opts.env ?? process.env);
  const db = opts.db ?? createDb(env.DATABASE_URL);
  await prepareDatabase(db);
  await opts.onDatabaseReady?.(db, env);
  const standby = env.DATABASE_REPLICA_URL ? createDb(env.DATABASE_REPLICA_URL, { connectionTimeoutMillis: 2000 }) : null;
  const router = standby ? createReadRouter({ primary: db, standby, maxLagS: env.REPLICA_MAX_LAG_S }) : null;
  const services = createServices(db, env, loadSecretKey(env.SECRET_KEY, env.SECRET_KEY_FILE), router ? () => router.reads() : undefined);

  const buildFile = path.resolve(opts.buildPath ?? "build/index.js");
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(env.TRUST_PROXY));
  app.use(closeUnreadBodies);
  app.use(capBodies);
  app.use(dropUntrustedForwarding);
  app.use(refuseCrossSiteForms);
  // Served over HTTPS (PUBLIC_URL says so): browsers must never fall back to plain HTTP.
  if (env.PUBLIC_URL?.startsWith("https:")) app.use(strictTransportSecurity);
  // gzip or brotli (the client's choice) for HTML, JSON, CSS, JS and CSV: phones on slow links
  // download a third of the bytes. Files that are compressed already (XLSX, PDF, DOCX, images)
  // are skipped by content type; bodies under 1 KB are not worth it. Error answers are never
  // compressed: a 413 sent before an upload's body is read left the kept-alive connection
  // hanging for the client's next request when it went through compression.
  app.use(compression({ filter: (req, res) => res.statusCode < 400 && compression.filter(req, res) }));
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req) => ({ services, clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
    }),
  );

  // A route still running after capBodies answered 413 finds the response sent: just close.
  app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return void res.destroy();
    next(error);
  });

  const server = await new Promise<import("node:http").Server>((resolve, reject) => {
    const s = app.listen(env.PORT, env.HOST, () => resolve(s));
    s.once("error", reject);
  });
  // Keep idle connections longer than the proxies and kiosks in front of us do, so a
  // client never sends a request on a socket the server is closing at that moment.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const host = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
  return {
    url: `http://${host}:${port}`,
    port,
    services,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await services.committer.drain();
      if (!opts.db) await db.destroy();
      await standby?.destroy();
    },
  };
}
