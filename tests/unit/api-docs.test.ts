import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { API_DOC_PATH, renderApiReference } from "../../scripts/api-docs";

// docs/api.md is generated from the OpenAPI document; a change to the registry without
// `npm run api-docs` fails here.
describe("docs/api.md", () => {
  it("is what `npm run api-docs` generates from the registry", () => {
    expect(fs.readFileSync(API_DOC_PATH, "utf8")).toBe(renderApiReference());
  });
});
