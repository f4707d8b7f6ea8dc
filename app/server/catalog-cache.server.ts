import type { Db } from "../../db/index";
import { getServiceByCode, unitOffersService } from "../../db/queries/services";
import { getUnitByCode, isInSubtree } from "../../db/queries/units";
import type { Service, Unit } from "../../db/schema";
import { loadPublishedVersion, type LoadedVersion } from "./survey-versions.server";

/** How long a catalogue answer may be reused. Admin changes show up within this delay. */
export const CATALOG_TTL_MS = 5_000;

/**
 * The reads every submission repeats (survey version, unit, service, offerings, subtree),
 * kept for a few seconds so a submission costs one query (its credential) plus its share
 * of a group commit. Credentials are never cached: a revoked token stops at once.
 */
export interface CatalogCache {
  publishedVersion(slug: string, version?: number): Promise<LoadedVersion | undefined>;
  unit(code: string): Promise<Unit | undefined>;
  service(code: string): Promise<Service | undefined>;
  offers(unitId: number, serviceId: number): Promise<boolean>;
  inSubtree(rootId: number, unitId: number): Promise<boolean>;
}

export function createCatalogCache(db: Db, ttlMs = CATALOG_TTL_MS, now = () => Date.now()): CatalogCache {
  const entries = new Map<string, { at: number; value: unknown }>();
  async function remember<T>(key: string, load: () => Promise<T>, keepIf: (v: T) => boolean = () => true): Promise<T> {
    const hit = entries.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.value as T;
    const value = await load();
    if (entries.size > 10_000) entries.clear();
    if (keepIf(value)) entries.set(key, { at: now(), value });
    else entries.delete(key);
    return value;
  }
  const found = (v: unknown) => v !== undefined;
  return {
    publishedVersion: (slug, version) => remember(`v:${slug}:${version ?? "latest"}`, () => loadPublishedVersion(db, slug, version), found),
    unit: (code) => remember(`u:${code}`, () => getUnitByCode(db, code), found),
    service: (code) => remember(`s:${code}`, () => getServiceByCode(db, code), found),
    offers: (unitId, serviceId) => remember(`o:${unitId}:${serviceId}`, () => unitOffersService(db, unitId, serviceId)),
    inSubtree: (rootId, unitId) => remember(`t:${rootId}:${unitId}`, () => isInSubtree(db, rootId, unitId)),
  };
}
