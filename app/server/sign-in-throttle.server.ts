/**
 * Sign-in throttling (issue 18 point 14). Only failures count, never successes, and per
 * account × address: an attacker guessing one official's password from one address is slowed
 * down exponentially, while the official signing in from the office is not locked out by it.
 * A second counter per address alone (with a higher allowance) slows password spraying
 * across many accounts. Both forget after a quiet period; memory stays bounded.
 */
export interface SignInThrottle {
  /** Seconds the caller must wait before this attempt is even checked (0 = go ahead). */
  wait(account: string, address: string): number;
  failed(account: string, address: string): void;
  succeeded(account: string, address: string): void;
}

interface Entry {
  failures: number;
  until: number;
  at: number;
}

export function createSignInThrottle(opts: { now?: () => number; free?: number; addressFree?: number; baseSeconds?: number; maxSeconds?: number } = {}): SignInThrottle {
  const now = opts.now ?? (() => Date.now());
  const free = opts.free ?? 5;
  const addressFree = opts.addressFree ?? 50;
  const base = (opts.baseSeconds ?? 30) * 1000;
  const max = (opts.maxSeconds ?? 900) * 1000;
  const entries = new Map<string, Entry>();
  const pair = (account: string, address: string) => `${account.trim().toLowerCase()}\u0000${address}`;
  const addr = (address: string) => `\u0000${address}`;

  function current(key: string, t: number): Entry | undefined {
    const e = entries.get(key);
    // Forgotten after a quiet period as long as the longest lock.
    if (e && t - e.at > max) {
      entries.delete(key);
      return undefined;
    }
    return e;
  }
  function fail(key: string, allowance: number, t: number) {
    if (entries.size > 100_000) entries.clear();
    const e = current(key, t) ?? { failures: 0, until: 0, at: t };
    e.failures += 1;
    e.at = t;
    // The allowance used up: locked, twice as long after each further failure.
    const over = e.failures - allowance;
    if (over >= 0) e.until = t + Math.min(max, base * 2 ** Math.min(over, 20));
    entries.set(key, e);
  }
  return {
    wait(account, address) {
      const t = now();
      const until = Math.max(current(pair(account, address), t)?.until ?? 0, current(addr(address), t)?.until ?? 0);
      return until > t ? Math.ceil((until - t) / 1000) : 0;
    },
    failed(account, address) {
      const t = now();
      fail(pair(account, address), free, t);
      fail(addr(address), addressFree, t);
    },
    succeeded(account, address) {
      entries.delete(pair(account, address));
    },
  };
}
