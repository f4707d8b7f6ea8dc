import http from "node:http";

// A small HTTP load generator on keep-alive connections: closed loop (N clients as fast as
// they can) or open loop (a fixed request rate, latency measured from the scheduled time so
// queueing counts). Loopback only.

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export type MakeRequest = (i: number) => { path: string; body: string; headers: Record<string, string> };

function send(agent: http.Agent, base: URL, req: ReturnType<MakeRequest>): Promise<number> {
  return new Promise((resolve) => {
    const r = http.request(
      { agent, host: base.hostname, port: base.port, method: "POST", path: req.path, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(req.body), ...req.headers } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    r.on("error", () => resolve(0));
    r.end(req.body);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

function summarise(latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: latencies.length, errors, seconds, perSecond: latencies.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

const ok = (status: number) => status >= 200 && status < 300;

export async function closedLoop(url: string, make: MakeRequest, opts: { clients: number; total: number }): Promise<LoadResult> {
  const base = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.clients });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.clients }, async () => {
      while (next < opts.total) {
        const i = next++;
        const t = performance.now();
        const status = await send(agent, base, make(i));
        latencies.push(performance.now() - t);
        if (!ok(status)) errors++;
      }
    }),
  );
  agent.destroy();
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

export async function openLoop(url: string, make: MakeRequest, opts: { rate: number; seconds: number }): Promise<LoadResult> {
  const base = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round(opts.rate * opts.seconds);
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / opts.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      send(agent, base, make(i)).then((status) => {
        latencies.push(performance.now() - due);
        if (!ok(status)) errors++;
      }),
    );
  }
  await Promise.all(inflight);
  agent.destroy();
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}
