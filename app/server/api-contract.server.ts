import { z } from "zod";
import {
  batchResultSchema,
  bindingCreatedSchema,
  invitationCreatedSchema,
  kioskConfigSchema,
  openApiDocumentSchema,
  snapshotStoredSchema,
  submissionResultSchema,
  summarySchema,
  surveyListSchema,
  surveyVersionSchema,
} from "./api-schemas.server";
import { snapshotSchema } from "./federation.server";
import { INVITATION_ROLES, invitationSchema } from "./invitations.server";
import { KIOSK_ADMIN_ROLES } from "./kiosk-access.server";
import { bindingSchema } from "./kiosk-binding.server";
import { REPORT_ROLES } from "./principal.server";
import { submissionSchema } from "./ingest.server";
import { summaryQuerySchema } from "./report.server";
import {
  codeSubmissionSchema,
  createRoundSchema,
  drawResultSchema,
  emailRequestSchema,
  emailResultSchema,
  frameResultSchema,
  progressSchema,
  roundListSchema,
  roundSchema,
  roundSummarySchema,
  undeliverableResultSchema,
  undeliverableSchema,
} from "./round-schemas.server";
import { roundSummaryQuerySchema } from "./round-summary.server";
import { ROUND_READ_ROLES, ROUND_WRITE_ROLES } from "./rounds.server";

/** The summary's query, and `round=`/`weighting=` for a survey round (summary and report documents). */
const summaryWithRound = summaryQuerySchema.extend(roundSummaryQuerySchema.pick({ round: true, weighting: true }).partial().shape);

// THE list of HTTP API operations: one entry per method and path, with the zod schemas the
// route itself parses with. GET /api/v1/openapi.json and docs/api.md are generated from it
// (app/server/openapi.server.ts), and tests/integration/api-contract.test.ts calls every entry
// over HTTP, checks each answer against the document, and fails on an app/routes/api.* file
// that no entry names. Adding an operation = a route file + an entry here + a call in that test.

/** How a caller proves who it is (see `security` in the document). */
export type ApiAuth = "none" | "apiToken" | "kioskToken" | "session" | "federationToken";

export interface ApiAnswer {
  status: number;
  description: string;
  /** JSON body; omit for files (then `contentType` names them). */
  schema?: z.ZodType;
  contentType?: string;
}

export interface ApiOperation {
  operationId: string;
  method: "get" | "post";
  /** OpenAPI path template: `{id}` for a path parameter. */
  path: string;
  /** The Remix route module (app/routes/<route>.ts) that serves it. */
  route: string;
  tag: "surveys" | "responses" | "invitations" | "kiosks" | "rounds" | "reports" | "federation" | "meta";
  summary: string;
  description?: string;
  auth: ApiAuth[];
  query?: z.ZodObject;
  body?: z.ZodType;
  ok: ApiAnswer;
  /** Failures this operation answers with (all with the Error body). */
  errors: number[];
}

/** GET /api/v1/surveys/{slug}?version=N */
export const surveyVersionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });
/** A batch holds at most this many responses. */
export const BATCH_LIMIT = 500;
export const batchSchema = z.strictObject({ responses: z.array(submissionSchema).min(1).max(BATCH_LIMIT) });

const roles = (list: readonly string[]) => `Roles: ${list.join(", ")}; limited to the caller's unit subtree.`;
const REPORT_FILE = "Same parameters and rights as the summary. " + roles(REPORT_ROLES);

const ROUND_ERRORS = [400, 401, 403, 404, 409, 429];
const R = `Reads: ${ROUND_READ_ROLES.join(", ")}; changes and contacts: ${ROUND_WRITE_ROLES.join(", ")}; limited to the caller's unit subtree. `;
const round = (o: Omit<ApiOperation, "tag" | "auth" | "errors"> & { errors?: number[] }): ApiOperation => ({ tag: "rounds", auth: ["apiToken", "session"], errors: ROUND_ERRORS, ...o });

/** Survey rounds (README "Run the annual SIPAS survey"). */
const ROUND_OPERATIONS: ApiOperation[] = [
  round({ operationId: "listRounds", method: "get", path: "/api/v1/rounds", route: "api.v1.rounds", summary: "The survey rounds of the caller's subtree", description: R, ok: { status: 200, description: "The rounds", schema: roundListSchema }, errors: [401, 403, 429] }),
  round({ operationId: "createRound", method: "post", path: "/api/v1/rounds", route: "api.v1.rounds", summary: "A new survey round, in draft", body: createRoundSchema, description: R, ok: { status: 201, description: "The round", schema: roundSchema } }),
  round({ operationId: "getRound", method: "get", path: "/api/v1/rounds/{id}", route: "api.v1.rounds.$id", summary: "One survey round", description: R, ok: { status: 200, description: "The round", schema: roundSchema } }),
  round({ operationId: "importFrame", method: "post", path: "/api/v1/rounds/{id}/frame", route: "api.v1.rounds.$id.frame", summary: "The sampling frame: body text/csv or XLSX bytes, all or nothing", description: R + "400 lists the rejected rows.", ok: { status: 200, description: "The frame's strata", schema: frameResultSchema } }),
  round({ operationId: "drawRound", method: "post", path: "/api/v1/rounds/{id}/draw", route: "api.v1.rounds.$id.draw", summary: "The seeded stratified draw (again → 409)", description: R, ok: { status: 200, description: "Drawn per stratum", schema: drawResultSchema } }),
  round({ operationId: "roundLetters", method: "get", path: "/api/v1/rounds/{id}/letters.pdf", route: "api.v1.rounds.$id.letters[.]pdf", summary: "The invitation letters (contacts), one page each", description: R, ok: { status: 200, description: "The letters", contentType: "application/pdf" } }),
  round({ operationId: "roundSample", method: "get", path: "/api/v1/rounds/{id}/sample.csv", route: "api.v1.rounds.$id.sample[.]csv", summary: "code, dossier, unit, service, url of the drawn dossiers (no contacts)", description: R, ok: { status: 200, description: "The sample", contentType: "text/csv" } }),
  round({ operationId: "roundSms", method: "get", path: "/api/v1/rounds/{id}/sms.csv", route: "api.v1.rounds.$id.sms[.]csv", summary: "phone, message for an SMS/Zalo gateway (`reminder=DAYS` for reminders)", description: R, ok: { status: 200, description: "The messages", contentType: "text/csv" } }),
  round({ operationId: "roundEmail", method: "post", path: "/api/v1/rounds/{id}/email", route: "api.v1.rounds.$id.email", summary: "Invitations (or reminders with `reminderDays`) by e-mail through SMTP_URL", body: emailRequestSchema, description: R + "409 without SMTP_URL or when closed.", ok: { status: 200, description: "Sent and failed", schema: emailResultSchema } }),
  round({ operationId: "roundUndeliverable", method: "post", path: "/api/v1/rounds/{id}/undeliverable", route: "api.v1.rounds.$id.undeliverable", summary: "Codes whose letter or e-mail came back", body: undeliverableSchema, description: R, ok: { status: 200, description: "How many were marked", schema: undeliverableResultSchema } }),
  round({ operationId: "roundProgress", method: "get", path: "/api/v1/rounds/{id}/progress", route: "api.v1.rounds.$id.progress", summary: "Per stratum N, n, drawn, invited, responded and response rate", description: R, ok: { status: 200, description: "The progress", schema: progressSchema } }),
  round({ operationId: "closeRound", method: "post", path: "/api/v1/rounds/{id}/close", route: "api.v1.rounds.$id.close", summary: "Close: contacts erased, codes end; the figures stay", description: R, ok: { status: 200, description: "The closed round", schema: roundSchema } }),
];

export const API_OPERATIONS: ApiOperation[] = [
  {
    operationId: "listSurveys", method: "get", path: "/api/v1/surveys", route: "api.v1.surveys", tag: "surveys",
    summary: "Published surveys (latest version of each)", auth: ["none"],
    ok: { status: 200, description: "The published surveys", schema: surveyListSchema }, errors: [429],
  },
  {
    operationId: "getSurvey", method: "get", path: "/api/v1/surveys/{slug}", route: "api.v1.surveys.$slug", tag: "surveys",
    summary: "A published survey version with its index model", auth: ["none"], query: surveyVersionQuerySchema,
    description: "Without `version`, the latest published version. `indexModel.aspects[].elements[].items` are the question ids on the 5-level scale (docs/method.md §3).",
    ok: { status: 200, description: "The definition and its index model", schema: surveyVersionSchema }, errors: [400, 404, 429],
  },
  {
    operationId: "submitResponse", method: "post", path: "/api/v1/responses", route: "api.v1.responses", tag: "responses",
    summary: "Store one response (idempotent by the client's id)", body: z.union([submissionSchema, codeSubmissionSchema]), auth: ["none", "kioskToken", "apiToken"],
    description:
      "`id` is generated by the client: the same id and body again → 200 `duplicate`; the same id with another body → 409. " +
      "A 2xx means the response is durably stored. `channel` kiosk needs a kiosk token, paper an API token (admin, unit-manager); " +
      "a dossier can be rated once per survey (409) and is accepted only from a kiosk or an API token of a paper-entry role (401 anonymous); " +
      "anonymous online responses take the server's time. Body at most 64 KiB. " +
      "With `code` (a survey round's letter code, channel paper, phone or online) the code decides unit, service and dossier: " +
      "an unknown, used or closed-round code → 400/409.",
    ok: { status: 201, description: "Stored (200 with status duplicate for a resend)", schema: submissionResultSchema }, errors: [400, 401, 403, 409, 413, 429],
  },
  {
    operationId: "submitResponses", method: "post", path: "/api/v1/responses/batch", route: "api.v1.responses.batch", tag: "responses",
    summary: `Store up to ${BATCH_LIMIT} responses; one result per item, in order`, body: batchSchema, auth: ["kioskToken", "apiToken"],
    description:
      "Each item is handled as `POST /api/v1/responses`; one bad item does not reject the others (its result carries `error`). " +
      "Kiosk and API tokens only (401 without, 403 for a console session); the rate limit counts responses, not requests.",
    ok: { status: 200, description: "One result per item", schema: batchResultSchema }, errors: [400, 401, 403, 413, 429],
  },
  {
    operationId: "createInvitation", method: "post", path: "/api/v1/invitations", route: "api.v1.invitations", tag: "invitations",
    summary: "A single-use link to the online form, bound to unit, service and dossier", body: invitationSchema, auth: ["apiToken", "session"],
    description: `${roles(INVITATION_ROLES)} Valid 30 days unless \`expiresAt\`. Only keyed hashes of the token and the dossier are stored.`,
    ok: { status: 201, description: "The link, its QR code (SVG) and expiry", schema: invitationCreatedSchema }, errors: [400, 401, 403, 429],
  },
  {
    operationId: "getKioskConfig", method: "get", path: "/api/v1/kiosk/config", route: "api.v1.kiosk.config", tag: "kiosks",
    summary: "The calling kiosk's unit, survey, services and pending binding", auth: ["kioskToken"],
    description: "Polled every `pollSeconds`. Request headers `X-Kiosk-Queue: N` (responses waiting on the device) and `X-Kiosk-Binding-Done: ID` (the binding its last rating used). A revoked kiosk gets 401.",
    ok: { status: 200, description: "The device's configuration", schema: kioskConfigSchema }, errors: [401, 429],
  },
  {
    operationId: "nextCitizen", method: "post", path: "/api/v1/kiosks/{id}/next", route: "api.v1.kiosks.$id.next", tag: "kiosks",
    summary: "Tie the kiosk's next rating to a dossier (and service)", body: bindingSchema, auth: ["apiToken", "session"],
    description: `${roles(KIOSK_ADMIN_ROLES)} Replaces any pending binding of that kiosk; 400 unknown or unoffered service, 404 kiosk outside the subtree, 409 revoked kiosk.`,
    ok: { status: 201, description: "The pending binding", schema: bindingCreatedSchema }, errors: [400, 401, 403, 404, 409, 429],
  },
  ...ROUND_OPERATIONS,
  {
    operationId: "reportSummary", method: "get", path: "/api/v1/reports/summary", route: "api.v1.reports.summary", tag: "reports",
    summary: "Index, intervals, elements, items, units and services for a period", query: summaryWithRound, auth: ["apiToken", "session"],
    description: `${roles(REPORT_ROLES)} \`from\`/\`to\` inclusive, by submission date in Asia/Ho_Chi_Minh; \`unit\` includes its subtree; \`units\` lists its direct children. \`index\` is null where nothing valid was answered. Method: docs/method.md §3. With \`round\`: that survey round's own respondents only, design-weighted (\`weighting=none\` unweighted); the answer adds \`weighting\`, \`round\` and \`design\`.`,
    ok: { status: 200, description: "The figures", schema: z.union([summarySchema, roundSummarySchema]) }, errors: [400, 401, 403, 429],
  },
  {
    operationId: "exportCsv", method: "get", path: "/api/v1/reports/export.csv", route: "api.v1.reports.export[.]csv", tag: "reports",
    summary: "Anonymized responses as CSV (UTF-8 with BOM), one row per response", query: summaryQuerySchema, auth: ["apiToken", "session"],
    description: REPORT_FILE, ok: { status: 200, description: "The CSV file", contentType: "text/csv" }, errors: [400, 401, 403, 429],
  },
  {
    operationId: "exportCodebook", method: "get", path: "/api/v1/reports/export-codebook.csv", route: "api.v1.reports.export-codebook[.]csv", tag: "reports",
    summary: "The codebook of the CSV export: one row per column and code", query: summaryQuerySchema, auth: ["apiToken", "session"],
    description: REPORT_FILE, ok: { status: 200, description: "The codebook", contentType: "text/csv" }, errors: [400, 401, 403, 429],
  },
  {
    operationId: "exportXlsx", method: "get", path: "/api/v1/reports/export.xlsx", route: "api.v1.reports.export[.]xlsx", tag: "reports",
    summary: "The workbook: summary, rankings, elements, items, anonymized responses", query: summaryQuerySchema, auth: ["apiToken", "session"],
    description: REPORT_FILE,
    ok: { status: 200, description: "The workbook", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, errors: [400, 401, 403, 429],
  },
  {
    operationId: "reportDocx", method: "get", path: "/api/v1/reports/report.docx", route: "api.v1.reports.report[.]docx", tag: "reports",
    summary: "The report as an administrative document (NĐ 30/2020 form), DOCX to edit before signing; with round= a survey round's", query: summaryWithRound, auth: ["apiToken", "session"],
    description: REPORT_FILE,
    ok: { status: 200, description: "The document", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }, errors: [400, 401, 403, 429],
  },
  {
    operationId: "reportPdf", method: "get", path: "/api/v1/reports/report.pdf", route: "api.v1.reports.report[.]pdf", tag: "reports",
    summary: "The same report as PDF (Tinos embedded)", query: summaryWithRound, auth: ["apiToken", "session"],
    description: REPORT_FILE, ok: { status: 200, description: "The document", contentType: "application/pdf" }, errors: [400, 401, 403, 429],
  },
  {
    operationId: "receiveSnapshot", method: "post", path: "/api/v1/federation/snapshots", route: "api.v1.federation.snapshots", tag: "federation",
    summary: "A province's roll-up snapshot for one survey version and month (national instance)", body: snapshotSchema, auth: ["federationToken"],
    description: "Federation token of the sending province only. Replaces that province's cells for the survey version and month.",
    ok: { status: 200, description: "Stored", schema: snapshotStoredSchema }, errors: [400, 401, 403, 413, 429],
  },
  {
    operationId: "openApi", method: "get", path: "/api/v1/openapi.json", route: "api.v1.openapi[.]json", tag: "meta",
    summary: "This document (OpenAPI 3.1)", auth: ["none"],
    ok: { status: 200, description: "The OpenAPI document", schema: openApiDocumentSchema }, errors: [],
  },
];
