import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { prepareBenchDb, sipasBody, spawnApp } from "./bench/spawn";

// `npm run soak [-- --minutes 10 --rate 100]`: a bounded mixed load on loopback — 9 of 10
// requests submit a response, 1 of 10 reads the summary — with the server's memory and
// the latency sampled every 10 s. Reports any error and the memory trend; exits 1 on
// errors or on steady growth.

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const minutes = arg("minutes", 10);
const rate = arg("rate", 100);
const windowMs = 10_000;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const failures: string[] = [];
let retried = 0;

/** Submissions are idempotent (client id), so a reset connection is retried once, as kiosks do. */
async function request(agent: http.Agent, url: string, token: string, i: number): Promise<number> {
  const first = await send(agent, url, token, i);
  if (first.status !== 0) return first.status;
  retried++;
  const second = await send(agent, url, token, i);
  if (second.status === 0) failures.push(`request ${i}: ${first.error}; retry: ${second.error}`);
  return second.status;
}

const bodies = new Map<number, string>();

function send(agent: http.Agent, url: string, token: string, i: number): Promise<{ status: number; error?: string }> {
  const report = i % 10 === 9;
  // The same body (and id) on a retry.
  const body = report ? undefined : (bodies.get(i) ?? bodies.set(i, JSON.stringify(sipasBody(randomUUID(), i))).get(i));
  if (bodies.size > 1000) bodies.delete(bodies.keys().next().value as number);
  const target = report ? `${url}/api/v1/reports/summary?survey=sipas-2017&from=2026-01-01&to=2026-12-31&unit=BENCH` : `${url}/api/v1/responses`;
  return new Promise((resolve) => {
    const req = http.request(target, { agent, method: report ? "GET" : "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on("error", (error) => resolve({ status: 0, error: error.message }));
    req.end(body);
  });
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den ? num / den : 0;
}

execFileSync("npx", ["--no-install", "remix", "build"], { stdio: "ignore" });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hailong-soak-"));
const file = path.join(dir, "soak.sqlite");
const tokens = await prepareBenchDb(file, 4);
const app = await spawnApp(file);
const pid = app.child.pid!;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const samples: Array<{ t: number; rss: number; p50: number; p99: number; errors: number; requests: number }> = [];
let windowLatencies: number[] = [];
let windowErrors = 0;
const started = performance.now();
const end = started + minutes * 60_000;
let nextSample = started + windowMs;
let i = 0;
const inflight = new Set<Promise<void>>();
console.log(`Soak: ${minutes} min at ${rate} req/s (90% submit, 10% summary) …`);
while (performance.now() < end) {
  const due = started + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  const p = request(agent, app.url, tokens[i % tokens.length], i).then((status) => {
    windowLatencies.push(performance.now() - due);
    if (status < 200 || status >= 300) {
      windowErrors++;
      if (status !== 0) failures.push(`request ${i}: HTTP ${status}`);
    }
  });
  inflight.add(p);
  void p.finally(() => inflight.delete(p));
  i++;
  if (performance.now() >= nextSample) {
    const sorted = windowLatencies.sort((a, b) => a - b);
    const sample = {
      t: Math.round((performance.now() - started) / 1000),
      rss: rssMb(pid),
      p50: sorted[Math.floor(sorted.length * 0.5)] ?? 0,
      p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
      errors: windowErrors,
      requests: sorted.length,
    };
    samples.push(sample);
    console.log(`t=${sample.t}s rss=${sample.rss.toFixed(1)} MB p50=${sample.p50.toFixed(1)} ms p99=${sample.p99.toFixed(1)} ms errors=${sample.errors} requests=${sample.requests}`);
    windowLatencies = [];
    windowErrors = 0;
    nextSample += windowMs;
  }
}
await Promise.all(inflight);
await app.stop();
agent.destroy();
fs.rmSync(dir, { recursive: true, force: true });

const errors = samples.reduce((s, x) => s + x.errors, 0) + windowErrors;
for (const f of failures.slice(0, 20)) console.log(`failure: ${f}`);
console.log(`connection resets retried once: ${retried}`);
// Ignore the first third (warm-up: caches, JIT, SQLite page cache) for the trend.
const steady = samples.slice(Math.floor(samples.length / 3));
const mbPerMinute = steady.length > 2 ? slope(steady.map((s) => [s.t / 60, s.rss])) : 0;
console.log(`\nrequests ${i}, errors ${errors}, RSS ${samples[0]?.rss.toFixed(1)} → ${samples.at(-1)?.rss.toFixed(1)} MB, steady-state trend ${mbPerMinute.toFixed(2)} MB/min`);
// RSS swings by tens of MB with garbage collection; call it growth only when the trend is
// steep AND the last third sits clearly above the middle third.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const third = Math.floor(samples.length / 3);
const middle = median(samples.slice(third, 2 * third).map((s) => s.rss));
const last = median(samples.slice(2 * third).map((s) => s.rss));
const growing = mbPerMinute > 2 && last > middle * 1.1;
if (errors || growing) {
  console.log(errors ? "FAILED: errors during the soak" : "FAILED: memory keeps growing");
  process.exit(1);
}
console.log("OK: no errors, no growth trend");
