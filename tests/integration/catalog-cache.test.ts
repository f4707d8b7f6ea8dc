import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalogCache } from "../../app/server/catalog-cache.server";
import { upsertUnit } from "../../db/queries/units";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await upsertUnit(t.db, { code: "A", name: "Xã A", level: "xa", parentCode: null }, new Date().toISOString());
});
afterAll(async () => t?.destroy());

describe("catalogue cache", () => {
  it("reuses an answer within its lifetime and reads again after it", async () => {
    let clock = 0;
    const cache = createCatalogCache(t.db, 1000, () => clock);
    expect((await cache.unit("A"))?.name).toBe("Xã A");
    await t.db.updateTable("unit").set({ name: "Phường A" }).where("code", "=", "A").execute();
    clock = 999;
    expect((await cache.unit("A"))?.name).toBe("Xã A");
    clock = 1000;
    expect((await cache.unit("A"))?.name).toBe("Phường A");
  });

  it("never keeps a miss: a unit created a moment later is found at once", async () => {
    const cache = createCatalogCache(t.db, 60_000, () => 0);
    expect(await cache.unit("B")).toBeUndefined();
    await upsertUnit(t.db, { code: "B", name: "Xã B", level: "xa", parentCode: null }, new Date().toISOString());
    expect((await cache.unit("B"))?.name).toBe("Xã B");
  });
});
