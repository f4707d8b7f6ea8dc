import { describe, expect, it } from "vitest";
import { createTtlCache } from "../../app/server/ttl-cache.server";

// Issue 18 point 7: /cong-khai figures are computed once per key and kept a short time.
describe("ttl cache", () => {
  it("shares one computation between concurrent and repeated requests until it expires", async () => {
    let t = 0;
    let runs = 0;
    const cache = createTtlCache<number>({ ttlMs: 60_000, max: 10, now: () => t });
    const compute = async () => ++runs;
    expect(await Promise.all(Array.from({ length: 200 }, () => cache.get("k", compute)))).toEqual(Array(200).fill(1));
    t = 59_999;
    expect(await cache.get("k", compute)).toBe(1);
    t = 60_000;
    expect(await cache.get("k", compute)).toBe(2);
  });

  it("keeps at most `max` keys and forgets failures", async () => {
    const cache = createTtlCache<number>({ ttlMs: 60_000, max: 2, now: () => 0 });
    let runs = 0;
    for (const k of ["a", "b", "c", "a"]) await cache.get(k, async () => ++runs);
    expect(runs).toBe(4); // "a" was dropped when "c" came
    await expect(cache.get("x", async () => Promise.reject(new Error("db down")))).rejects.toThrow();
    expect(await cache.get("x", async () => 7)).toBe(7);
  });
});
