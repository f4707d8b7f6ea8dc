import { z } from "zod";
import { isCalendarDate } from "~/metrics/periods";
import { summarySchema } from "./api-schemas.server";

// Request and response bodies of the survey-round API (README "Run the annual SIPAS survey"),
// as zod schemas in one module so the OpenAPI document can register them.

const calendarDate = z.string().refine(isCalendarDate);

export const createRoundSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    survey: z.string().trim().min(1).max(64),
    unit: z.string().trim().min(1).max(64),
    from: calendarDate,
    to: calendarDate,
    margin: z.number().gt(0).max(0.5).default(0.05),
    overdraw: z.number().min(1).max(5).default(1),
    seed: z.string().trim().min(1).max(100).optional(),
  })
  .refine((r) => r.from <= r.to, { path: ["from"], message: "from after to" });
export type CreateRound = z.output<typeof createRoundSchema>;

export const roundSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  survey: z.string(),
  version: z.number().int(),
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  margin: z.number(),
  overdraw: z.number(),
  seed: z.string(),
  status: z.enum(["draft", "sampled", "fieldwork", "closed"]),
  frameRows: z.number().int(),
  createdAt: z.string(),
  drawnAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type RoundView = z.infer<typeof roundSchema>;

export const frameResultSchema = z.object({
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  strata: z.array(z.object({ unit: z.string(), N: z.number().int() })),
});
export type FrameResult = z.infer<typeof frameResultSchema>;

export const drawResultSchema = z.object({
  strata: z.array(z.object({ unit: z.string(), N: z.number().int(), n: z.number().int() })),
  drawn: z.number().int(),
  seed: z.string(),
});

const channelCounts = z.object({ paper: z.number().int(), phone: z.number().int(), online: z.number().int(), kiosk: z.number().int() });

export const progressSchema = z.object({
  strata: z.array(
    z.object({
      unit: z.string(),
      name: z.string(),
      N: z.number().int(),
      n: z.number().int(),
      drawn: z.number().int(),
      invited: z.number().int(),
      undeliverable: z.number().int(),
      responded: z.number().int(),
      byChannel: channelCounts,
      responseRate: z.number().nullable(),
    }),
  ),
  totals: z.object({
    N: z.number().int(),
    n: z.number().int(),
    drawn: z.number().int(),
    invited: z.number().int(),
    undeliverable: z.number().int(),
    responded: z.number().int(),
    byChannel: channelCounts,
    responseRate: z.number().nullable(),
  }),
});
export type Progress = z.infer<typeof progressSchema>;

/** The body of POST /api/v1/responses when it names a round's code. */
export const codeSubmissionSchema = z.strictObject({
  id: z.uuid(),
  code: z.string().trim().min(1).max(20),
  channel: z.enum(["paper", "phone", "online"]),
  survey: z.string().min(1).max(64).optional(),
  version: z.number().int().positive().optional(),
  unit: z.string().trim().min(1).max(64).optional(),
  service: z.string().trim().min(1).max(64).optional(),
  locale: z.enum(["vi", "en"]).default("vi"),
  startedAt: z.iso.datetime({ offset: true }).nullish(),
  submittedAt: z.iso.datetime({ offset: true }).optional(),
  answers: z.record(z.string(), z.unknown()),
});

export const undeliverableSchema = z.strictObject({ codes: z.array(z.string().trim().min(1).max(20)).min(1).max(200_000) });
export const emailRequestSchema = z.strictObject({ reminderDays: z.number().int().min(0).max(365).optional() });

export const roundListSchema = z.object({ rounds: z.array(roundSchema) });
export const emailResultSchema = z.object({ sent: z.number().int(), failed: z.number().int() });
export const undeliverableResultSchema = z.object({ marked: z.number().int() });

/**
 * GET /api/v1/reports/summary?round=ID: the summary without the headline interval and target
 * (not computed for a weighted round yet), plus the round and its design weights.
 */
export const roundSummarySchema = summarySchema.omit({ ci95: true, target: true, meetsTarget: true }).extend({
  weighting: z.enum(["design", "none"]),
  round: z.object({ id: z.number().int(), name: z.string(), status: z.enum(["draft", "sampled", "fieldwork", "closed"]) }),
  design: z.object({ strata: z.array(z.object({ unit: z.string(), N: z.number().int(), r: z.number().int(), weight: z.number().nullable() })) }),
});
