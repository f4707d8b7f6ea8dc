// Pure rules of the kiosk's outbox (unit-tested): what a server answer means for a queued
// response, and how long to wait before trying again.

export type Verdict = "stored" | "rejected" | "revoked" | "retry";

/**
 * 2xx: stored (created or duplicate) — drop it from the queue.
 * 400/403/409/413: definitive — keep it aside in "rejected", never retry.
 * 401: the device is revoked or unknown — stop sending, keep the queue.
 * Anything else (network, 408, 429, 5xx): try again later.
 */
export function verdictOf(status: number): Verdict {
  if (status >= 200 && status < 300) return "stored";
  if (status === 401) return "revoked";
  if (status === 400 || status === 403 || status === 409 || status === 413 || status === 422) return "rejected";
  return "retry";
}

/** Status of a batch item: `{ status }` items are stored, `{ error: { code } }` map like HTTP. */
export function itemStatus(item: { status?: string; error?: { code?: string } }): number {
  if (item.status === "created") return 201;
  if (item.status === "duplicate") return 200;
  const byCode: Record<string, number> = { invalid: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, too_large: 413, rate_limited: 429 };
  return byCode[item.error?.code ?? ""] ?? 500;
}

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** Exponential backoff with "full jitter": 2 s, 4 s, 8 s … capped at 5 min. */
export function backoffMs(failures: number, random = Math.random()): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** A Retry-After header (seconds) as milliseconds, or null. */
export function retryAfterMs(header: string | null): number | null {
  const n = Number(header);
  return header !== null && Number.isFinite(n) && n >= 0 ? Math.min(BACKOFF_MAX_MS, n * 1000) : null;
}

/** Taps in the last minute beyond which the kiosk asks kindly for a pause (per device). */
export const BURST_LIMIT = 6;
export const BURST_WINDOW_MS = 60_000;

export function isBurst(recentSubmits: number[], now: number): boolean {
  return recentSubmits.filter((t) => now - t < BURST_WINDOW_MS).length >= BURST_LIMIT;
}
