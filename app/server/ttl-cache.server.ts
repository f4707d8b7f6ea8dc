/**
 * A small time-limited cache of promises: concurrent requests for the same key share one
 * computation, results live `ttlMs`, at most `max` keys (oldest dropped first). A failed
 * computation is not kept.
 */
export interface TtlCache<T> {
  get(key: string, compute: () => Promise<T>): Promise<T>;
}

export function createTtlCache<T>(opts: { ttlMs: number; max: number; now?: () => number }): TtlCache<T> {
  const now = opts.now ?? (() => Date.now());
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key, compute) {
      const t = now();
      const hit = entries.get(key);
      if (hit && t - hit.at < opts.ttlMs) return hit.value;
      entries.delete(key);
      const value = compute();
      entries.set(key, { at: t, value });
      value.catch(() => entries.delete(key));
      while (entries.size > opts.max) entries.delete(entries.keys().next().value as string);
      return value;
    },
  };
}
