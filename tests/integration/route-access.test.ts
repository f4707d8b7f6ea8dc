import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROUTE_ACCESS } from "../../app/server/access-policy.server";

describe("route access policy", () => {
  it("declares who may open every route of the built app, and nothing more", async () => {
    const build = await import(pathToFileURL(path.resolve("build/index.js")).href);
    const routeIds = Object.keys(build.routes).sort();
    expect(routeIds.filter((id) => !(id in ROUTE_ACCESS))).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((id) => !routeIds.includes(id))).toEqual([]);
  });
});
