import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { surveyDefinitionSchema } from "../../app/survey/definition-schema.server";
import type { SurveyDefinition } from "../../app/survey/types";

// The survey's TypeScript types (app/survey/types.ts, imported by browser code, which must not
// import zod) and its zod schema (the server's check) describe the same thing: `npx tsc`
// fails here when one changes without the other.
describe("survey definition types", () => {
  it("are exactly what the zod schema accepts", () => {
    expectTypeOf<z.output<typeof surveyDefinitionSchema>>().toEqualTypeOf<SurveyDefinition>();
  });
});
