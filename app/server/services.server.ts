import type { Db } from "../../db/index";
import { createCatalogCache, type CatalogCache } from "./catalog-cache.server";
import type { Env } from "./env.server";
import { GroupCommitter } from "./group-commit.server";
import { createRateLimiter, type RateLimiter } from "./rate-limit.server";
import { createHasher, type Hasher } from "./secrets.server";

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
  limits: {
    /** Citizens online: per client address. */
    online: RateLimiter;
    /** Kiosks: per device, never per address (a centre shares one address). */
    kiosk: RateLimiter;
    /** Integrations: per token, above the 100 requests/s docs/api.md promises. */
    token: RateLimiter;
    /** Sign-in attempts, per account and per address (ASVS 2.2.1). */
    loginAccount: RateLimiter;
    loginAddress: RateLimiter;
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
    limits: {
      online: createRateLimiter({ capacity: 20, refillPerSecond: 1 }),
      kiosk: createRateLimiter({ capacity: 10, refillPerSecond: 0.5 }),
      token: createRateLimiter({ capacity: 400, refillPerSecond: 200 }),
      loginAccount: createRateLimiter({ capacity: 5, refillPerSecond: 5 / 900 }),
      loginAddress: createRateLimiter({ capacity: 30, refillPerSecond: 30 / 900 }),
    },
  };
}
