import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/server/sign-in.server";

// Issue 18 point 8: only same-origin paths, checked after resolving as a browser would.
describe("safeRedirect", () => {
  it("keeps paths of this site", () => {
    expect(safeRedirect("/quan-tri/bao-cao?from=2026-01-01#x")).toBe("/quan-tri/bao-cao?from=2026-01-01#x");
    expect(safeRedirect("/quan-tri/../cong-khai")).toBe("/cong-khai");
  });

  it.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/\u0000",
    "/\u007f/x",
    "",
    "quan-tri",
  ])("falls back for %j", (to) => {
    expect(safeRedirect(to)).toBe("/quan-tri");
  });
});
