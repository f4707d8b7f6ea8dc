import { idb, inTransaction } from "./idb";
import { backoffMs, itemStatus, retryAfterMs, verdictOf, type Verdict } from "./retry";
import type { QueuedResponse, RejectedResponse } from "./types";

// The kiosk's durable outbox. A response is written to IndexedDB before the thank-you
// screen and leaves the queue only when the server stored it (2xx) or refused it for good
// (moved to "rejected"). The client uuid makes every resend idempotent.

const BATCH_SIZE = 100;

export async function enqueue(item: QueuedResponse): Promise<void> {
  await idb.put("queue", item); // keyed by id: a second tap writes the same row
}

export const queueLength = () => idb.count("queue");
export const rejectedLength = () => idb.count("rejected");

async function oldest(limit: number): Promise<QueuedResponse[]> {
  const all = await idb.getAll<QueuedResponse>("queue");
  return all.sort((a, b) => a.queuedAt - b.queuedAt).slice(0, limit);
}

async function settle(stored: string[], rejected: RejectedResponse[]): Promise<void> {
  if (!stored.length && !rejected.length) return;
  await inTransaction(["queue", "rejected"], "readwrite", (tx) => {
    for (const id of stored) tx.objectStore("queue").delete(id);
    for (const r of rejected) {
      tx.objectStore("rejected").put(r);
      tx.objectStore("queue").delete(r.id);
    }
  });
}

export interface SendReport {
  /** Outcome per response id that got a definitive answer. */
  outcomes: Array<{ id: string; verdict: Verdict; error?: { code?: string; message?: string } }>;
  /** What to do next: "idle" (queue empty), "retry" after `waitMs`, or "revoked". */
  next: "idle" | "retry" | "revoked" | "more";
  waitMs: number;
}

/** Sends the oldest queued responses once (single POST or batch) and settles the queue. */
export async function sendOnce(token: string, failures: number): Promise<SendReport> {
  const items = await oldest(BATCH_SIZE);
  if (!items.length) return { outcomes: [], next: "idle", waitMs: 0 };
  const report = await sendItems(token, items, failures);
  return report.next === "idle" && items.length === BATCH_SIZE ? { ...report, next: "more" } : report;
}

async function sendItems(token: string, items: QueuedResponse[], failures: number): Promise<SendReport> {
  const single = items.length === 1;
  let res: Response;
  try {
    res = await fetch(single ? "/api/v1/responses" : "/api/v1/responses/batch", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "accept-language": "vi" },
      body: JSON.stringify(single ? items[0].body : { responses: items.map((i) => i.body) }),
      cache: "no-store",
    });
  } catch {
    return { outcomes: [], next: "retry", waitMs: backoffMs(failures + 1) };
  }
  const payload = (await res.json().catch(() => null)) as { results?: Array<{ id: string; status?: string; error?: { code?: string; message?: string } }>; error?: { code?: string; message?: string } } | null;
  const whole = verdictOf(res.status);
  if (whole === "revoked") return { outcomes: [], next: "revoked", waitMs: 0 };
  if (whole === "retry") return { outcomes: [], next: "retry", waitMs: retryAfterMs(res.headers.get("retry-after")) ?? backoffMs(failures + 1) };
  if (!single && whole === "rejected") {
    // The batch as a whole was refused (e.g. one oversized item): settle the items one by one.
    const outcomes: SendReport["outcomes"] = [];
    for (const item of items) {
      const one = await sendItems(token, [item], failures);
      outcomes.push(...one.outcomes);
      if (one.next !== "idle") return { ...one, outcomes };
    }
    return { outcomes, next: "idle", waitMs: 0 };
  }

  const results = single ? [{ id: items[0].id, status: res.status, error: payload?.error }] : null;
  const perItem = results ?? items.map((item, i) => {
    const r = payload?.results?.[i];
    return { id: item.id, status: r ? itemStatus(r) : 500, error: r?.error };
  });
  const stored: string[] = [];
  const rejected: RejectedResponse[] = [];
  const outcomes: SendReport["outcomes"] = [];
  let retryLater = false;
  perItem.forEach((r, i) => {
    const verdict = single ? whole : verdictOf(r.status);
    if (verdict === "stored") stored.push(r.id);
    else if (verdict === "rejected") rejected.push({ ...items[i], rejectedAt: Date.now(), status: r.status, error: r.error ?? null });
    else retryLater = true;
    if (verdict === "stored" || verdict === "rejected") outcomes.push({ id: r.id, verdict, error: r.error });
  });
  await settle(stored, rejected);
  if (retryLater) return { outcomes, next: "retry", waitMs: backoffMs(failures + 1) };
  return { outcomes, next: "idle", waitMs: 0 };
}
