// Kiosk-like load for the scale tests: each client sends responses over HTTP and, like a
// kiosk's queue, resends the same body until it gets a 2xx (503 and a cut connection mean
// "later"). Which ids were acknowledged, and how many 503s with Retry-After were seen.
import { randomUUID } from "node:crypto";
import { sipasBody } from "../../scripts/bench/spawn";

export interface Load {
  acknowledged: Set<string>;
  unavailable: number;
  retryAfter: Set<string>;
  stop(): Promise<void>;
}

export function startLoad(url: string, tokens: string[], opts: { pauseMs?: number } = {}): Load {
  const acknowledged = new Set<string>();
  const retryAfter = new Set<string>();
  let unavailable = 0;
  let running = true;
  let n = 0;
  const clients = tokens.map(async (token) => {
    let body: Record<string, unknown> | null = null;
    // Finish the body in hand even after stop(): a queued rating is never dropped.
    while (running || body) {
      body ??= sipasBody(randomUUID(), n++);
      const res = await fetch(`${url}/api/v1/responses`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }).catch(() => null);
      await res?.arrayBuffer().catch(() => undefined);
      if (res && res.status >= 200 && res.status < 300) {
        acknowledged.add(body.id as string);
        body = null;
      } else {
        if (res?.status === 503) {
          unavailable++;
          retryAfter.add(res.headers.get("retry-after") ?? "");
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
    }
  });
  return {
    acknowledged,
    get unavailable() {
      return unavailable;
    },
    retryAfter,
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}
