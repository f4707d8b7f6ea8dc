import { z } from "zod";
import { API_OPERATIONS, type ApiAnswer, type ApiAuth, type ApiOperation } from "./api-contract.server";
import { apiErrorSchema } from "./api-schemas.server";

// The OpenAPI 3.1 document, generated from the registry (api-contract.server.ts) with zod's
// own JSON Schema output (draft 2020-12, which OpenAPI 3.1 uses as is).

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid request (`fields` names each problem)",
  401: "Missing or unknown credentials",
  403: "Role or unit subtree not allowed",
  404: "Not found (or outside the caller's subtree)",
  409: "Conflict",
  413: "Body too large",
  429: "Too many requests (`Retry-After` says when to try again)",
};

const SECURITY: Record<Exclude<ApiAuth, "none">, Json> = {
  apiToken: { type: "http", scheme: "bearer", description: "API token made in the console (Mã API) or by `npm run cli -- create-token`, scoped to a role and a unit subtree; integrations are not throttled below 100 requests/s." },
  kioskToken: { type: "http", scheme: "bearer", description: "The device token a kiosk receives when it is set up; rate limits are per device, never per address (kiosks share one)." },
  federationToken: { type: "http", scheme: "bearer", description: "A province's federation token, made on the national instance (`create-token --role federation --unit PROVINCE`)." },
  session: { type: "apiKey", in: "cookie", name: "hl_session", description: "A signed-in console user (`__Host-hl_session` over HTTPS; writes must come from our own pages)." },
};

/**
 * One schema as JSON Schema inside the document: nested definitions (recursive conditions)
 * move to components.schemas under a name of their own, and their references follow.
 */
function jsonSchema(schema: z.ZodType, io: "input" | "output", name: string, components: Json): Json {
  const raw = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  delete raw.$schema;
  const defs = (raw.$defs ?? {}) as Json;
  delete raw.$defs;
  const rewrite = (value: Json): Json => JSON.parse(JSON.stringify(value).replace(/"#\/\$defs\/([^"]+)"/g, `"#/components/schemas/${name}_$1"`));
  for (const [key, def] of Object.entries(defs)) components[`${name}_${key}`] = rewrite(def as Json);
  return rewrite(raw);
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

function answer(op: ApiOperation, ok: ApiAnswer, components: Json): Json {
  if (!ok.schema) return { description: ok.description, content: { [ok.contentType ?? "application/octet-stream"]: { schema: { type: "string", format: "binary" } } } };
  return { description: ok.description, content: { "application/json": { schema: jsonSchema(ok.schema, "output", `${cap(op.operationId)}Response`, components) } } };
}

function operation(op: ApiOperation, components: Json): Json {
  const parameters: Json[] = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  if (op.query) {
    const query = jsonSchema(op.query, "input", `${cap(op.operationId)}Query`, components) as { properties: Json; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties)) {
      parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema });
    }
  }
  parameters.push({ name: "Accept-Language", in: "header", required: false, schema: { type: "string", enum: ["vi", "en"] }, description: "Language of error messages (vi by default)." });
  const responses: Json = { [String(op.ok.status)]: answer(op, op.ok, components) };
  if (op.operationId === "submitResponse") responses["200"] = { description: "Already stored (a resend with the same body)", content: (responses["201"] as Json).content };
  for (const status of op.errors) {
    responses[String(status)] = { description: STATUS_TEXT[status] ?? "Failure", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  }
  responses["500"] = { description: "Unexpected failure (logged; no detail is shown)", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: op.auth.map((a) => (a === "none" ? {} : { [a]: [] })),
    parameters,
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input", `${cap(op.operationId)}Body`, components) } } } } : {}),
    responses,
  };
}

let cached: Json | undefined;

/** The document (built once: the registry is fixed at start). */
export function openApiDocument(): Json {
  if (cached) return cached;
  const components: Json = { Error: jsonSchema(apiErrorSchema, "output", "Error", {}) };
  const paths: Record<string, Json> = {};
  for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op, components);
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Hài Lòng HTTP API",
      version: "1",
      description:
        "Đo lường sự hài lòng (SIPAS): surveys, responses, invitations, kiosks and reports. JSON in UTF-8, times in ISO 8601, " +
        "percentages 0–100 unrounded. Every failure has the body `{ error: { code, message, fields? } }`. A breaking change needs /api/v2.",
    },
    servers: [{ url: "/" }],
    paths,
    components: { schemas: components, securitySchemes: SECURITY },
  };
  return cached;
}
