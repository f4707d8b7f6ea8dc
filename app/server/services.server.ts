import type { Db } from "../../db/index";
import { createCatalogCache, type CatalogCache } from "./catalog-cache.server";
import type { Env } from "./env.server";
import { GroupCommitter } from "./group-commit.server";
import { createRateLimiter, type RateLimiter } from "./rate-limit.server";
import { createHasher, type Hasher } from "./secrets.server";
import { createTtlCache, type TtlCache } from "./ttl-cache.server";
import { createSignInThrottle, type SignInThrottle } from "./sign-in-throttle.server";

/** What every loader and action gets through the Remix load context. */
export interface AppServices {
  /** The primary: writes, and reads that must see their own writes. */
  db: Db;
  /** For report, dashboard and export reads: the standby when one is set and keeps up, else `db`. */
  reads(): Promise<Db>;
  env: Env;
  hasher: Hasher;
  committer: GroupCommitter;
  catalog: CatalogCache;
  /** /cong-khai figures per (survey, unit, period, language) for a minute: a flood of varied periods stays cheap. */
  publicResults: TtlCache<unknown>;
  limits: {
    /** The public results page: per client address. */
    publicResults: RateLimiter;
    /** Citizens online: per client address. */
    online: RateLimiter;
    /** Kiosks: per device, never per address (a centre shares one address). */
    kiosk: RateLimiter;
    /** Integrations: per token, above the 100 requests/s docs/api.md promises. */
    token: RateLimiter;
    /** Responses, not requests (a batch of 100 costs 100): a kiosk's bucket holds days of offline queue. */
    kioskResponses: RateLimiter;
    tokenResponses: RateLimiter;
    /** Failed sign-ins, per account × address and per address, exponentially (ASVS 2.2.1). */
    signIn: SignInThrottle;
  };
}

export function createServices(db: Db, env: Env, secretKey: string, reads: () => Promise<Db> = async () => db): AppServices {
  return {
    db,
    reads,
    env,
    hasher: createHasher(secretKey),
    committer: new GroupCommitter(db),
    catalog: createCatalogCache(db),
    publicResults: createTtlCache({ ttlMs: 60_000, max: 2000 }),
    limits: {
      publicResults: createRateLimiter({ capacity: 30, refillPerSecond: 1 }),
      online: createRateLimiter({ capacity: 20, refillPerSecond: 1 }),
      kiosk: createRateLimiter({ capacity: 10, refillPerSecond: 0.5 }),
      token: createRateLimiter({ capacity: 400, refillPerSecond: 200 }),
      kioskResponses: createRateLimiter({ capacity: 2000, refillPerSecond: 0.2 }),
      tokenResponses: createRateLimiter({ capacity: 2000, refillPerSecond: 200 }),
      signIn: createSignInThrottle(),
    },
  };
}
