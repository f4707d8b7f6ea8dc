/** Token buckets in memory, one per key (device, token or client address). */
export interface RateLimiter {
  /** Takes one token; returns 0 when allowed, else seconds to wait. */
  take(key: string): number;
}

export function createRateLimiter(opts: { capacity: number; refillPerSecond: number; now?: () => number }): RateLimiter {
  const now = opts.now ?? (() => Date.now());
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: opts.capacity, at: t };
      bucket.tokens = Math.min(opts.capacity, bucket.tokens + ((t - bucket.at) / 1000) * opts.refillPerSecond);
      bucket.at = t;
      if (buckets.size > 50_000) buckets.clear(); // bounded memory under address spraying
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        buckets.set(key, bucket);
        return 0;
      }
      buckets.set(key, bucket);
      return Math.ceil((1 - bucket.tokens) / opts.refillPerSecond);
    },
  };
}
