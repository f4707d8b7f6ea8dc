import { z } from "zod";
import { surveyDefinitionSchema } from "~/survey/definition-schema.server";

// The shapes the HTTP API answers with, as zod schemas: the OpenAPI document is generated
// from them (app/server/api-contract.server.ts) and the contract test checks every real
// response against that document. Report rows are open objects (`looseObject`): the figures
// grow fields (targets, intervals, counter figures) without breaking clients.

const nullableNumber = z.number().nullable();
const interval = z.tuple([z.number(), z.number()]).nullable();
const localized = z.object({ vi: z.string(), en: z.string().nullable() });

export const apiErrorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(["invalid", "unauthorized", "forbidden", "not_found", "conflict", "too_large", "rate_limited", "internal"]),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ description: "Every failure; `message` and `fields` follow Accept-Language (vi by default, en)." });

export const surveyListSchema = z.array(
  z.strictObject({ slug: z.string(), version: z.number().int(), title: localized, publishedAt: z.string() }),
);

const titled = { id: z.string(), title: z.strictObject({ vi: z.string(), en: z.string() }) };
const indexModelSchema = z.strictObject({
  aggregation: z.enum(["mean-of-items", "pooled"]),
  parentAggregation: z.enum(["pooled", "mean-of-children"]),
  aspects: z.array(z.strictObject({ ...titled, elements: z.array(z.strictObject({ ...titled, items: z.array(z.string()) })) })),
});

export const surveyVersionSchema = z.strictObject({
  slug: z.string(),
  version: z.number().int(),
  definition: surveyDefinitionSchema,
  indexModel: indexModelSchema,
});

export const submissionResultSchema = z.strictObject({ id: z.string(), status: z.enum(["created", "duplicate"]) });

export const batchResultSchema = z.strictObject({
  results: z.array(z.union([submissionResultSchema, z.strictObject({ id: z.unknown(), error: apiErrorSchema.shape.error })])),
});

export const invitationCreatedSchema = z.strictObject({ token: z.string(), url: z.string(), qrSvg: z.string(), expiresAt: z.string() });

export const kioskConfigSchema = z.strictObject({
  kiosk: z.strictObject({ id: z.number().int(), name: z.string(), counter: z.string().nullable() }),
  unit: z.strictObject({ code: z.string(), name: z.string() }),
  survey: z.strictObject({ slug: z.string(), version: z.number().int(), definition: surveyDefinitionSchema }),
  // Most used at this unit first (`uses`: ratings over the recent window), `field` to group them.
  services: z.array(z.strictObject({ code: z.string(), name: z.string(), field: z.string(), uses: z.number().int() })),
  service: z.string().nullable(),
  binding: z
    .strictObject({ id: z.number().int(), dossier: z.string(), service: z.string().nullable(), serviceName: z.string().nullable(), expiresAt: z.string() })
    .nullable(),
  pollSeconds: z.number().int(),
  serverTime: z.string(),
});

export const bindingCreatedSchema = z.strictObject({
  binding: z.strictObject({ id: z.number().int(), kiosk: z.number().int(), service: z.string().nullable(), expiresAt: z.string() }),
});

const figureRow = z.looseObject({ id: z.string(), index: nullableNumber, n: z.number().int() });
const rankedRow = z.looseObject({ code: z.string(), name: z.string(), index: nullableNumber, n: z.number().int(), rank: z.number().int().nullable(), smallSample: z.boolean() });

export const summarySchema = z.looseObject({
  survey: z.string(),
  period: z.strictObject({ from: z.string(), to: z.string() }),
  scope: z.looseObject({ unit: z.string(), service: z.string().nullable(), channel: z.string().nullable() }),
  method: z.looseObject({ aggregation: z.enum(["mean-of-items", "pooled"]) }),
  n: z.number().int(),
  index: nullableNumber,
  ci95: interval,
  target: nullableNumber,
  meetsTarget: z.boolean().nullable(),
  smallSample: z.boolean(),
  aspects: z.array(figureRow),
  elements: z.array(figureRow),
  items: z.array(
    z.looseObject({ id: z.string(), index: nullableNumber, valid: z.number().int(), satisfied: z.number().int(), ci95: interval, distribution: z.record(z.string(), z.number().int()) }),
  ),
  units: z.array(rankedRow),
  services: z.array(rankedRow),
});

export const snapshotStoredSchema = z.strictObject({
  status: z.literal("stored"),
  cells: z.strictObject({ responses: z.number().int(), answers: z.number().int() }),
});

/** The OpenAPI document itself: checked loosely (its own schema is the OpenAPI 3.1 standard). */
export const openApiDocumentSchema = z.looseObject({ openapi: z.literal("3.1.0"), info: z.looseObject({ title: z.string() }), paths: z.record(z.string(), z.unknown()) });
