/** Token buckets in memory, one per key (device, token or client address). */
export interface RateLimiter {
  /** Takes `n` tokens (default one); returns 0 when allowed, else seconds to wait. */
  take(key: string, n?: number): number;
}

export function createRateLimiter(opts: { capacity: number; refillPerSecond: number; now?: () => number }): RateLimiter {
  const now = opts.now ?? (() => Date.now());
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, n = 1) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: opts.capacity, at: t };
      bucket.tokens = Math.min(opts.capacity, bucket.tokens + ((t - bucket.at) / 1000) * opts.refillPerSecond);
      bucket.at = t;
      if (buckets.size > 50_000) buckets.clear(); // bounded memory under address spraying
      if (bucket.tokens >= n) {
        bucket.tokens -= n;
        buckets.set(key, bucket);
        return 0;
      }
      buckets.set(key, bucket);
      return Math.ceil((n - bucket.tokens) / opts.refillPerSecond);
    },
  };
}
