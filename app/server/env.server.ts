import { z } from "zod";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from "../../db/index";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .superRefine((value, ctx) => {
      try {
        parseDatabaseUrl(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  /** Optional PostgreSQL hot standby: report, dashboard and export reads go there while it keeps up. */
  DATABASE_REPLICA_URL: z
    .string()
    .optional()
    .refine((value) => value === undefined || /^postgres(ql)?:\/\//i.test(value.trim()), "must be a postgres:// URL (a standby of DATABASE_URL)"),
  /** Reads fall back to the primary while the standby lags more than this (seconds). */
  REPLICA_MAX_LAG_S: z.coerce.number().positive().default(30),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Key for the keyed hashes of tokens and dossier codes; generated into SECRET_KEY_FILE if absent. */
  SECRET_KEY: z.string().min(32, "SECRET_KEY must be at least 32 characters").optional(),
  SECRET_KEY_FILE: z.string().default("./data/secret.key"),
  /** Absolute base URL printed in setup links and QR codes (e.g. https://hailong.example.gov.vn). */
  PUBLIC_URL: z.url().optional(),
  /** SMTP server for survey-round e-mail, e.g. smtp://user:pass@mail.example.gov.vn:587 (none: no e-mail). */
  SMTP_URL: z.url().optional(),
  /** Sender of survey-round e-mail. */
  SMTP_FROM: z.string().min(3).default("Hài Lòng <khao-sat@localhost>"),
  /**
   * Which reverse proxies to believe about the client's address (X-Forwarded-For) and host:
   * "0" none, a number of proxy hops ("1" = one proxy in front), or the proxies' addresses
   * ("10.0.0.2, loopback"). Never the client-controlled left-most entry.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default("0")
    .refine((v) => /^\d{1,2}$/.test(v) || /^(?:[0-9a-fA-F.:/]+|loopback|linklocal|uniquelocal)(?:\s*,\s*(?:[0-9a-fA-F.:/]+|loopback|linklocal|uniquelocal))*$/.test(v), {
      message: "TRUST_PROXY must be 0, a number of proxy hops, or the proxies' addresses",
    }),
  /** Publish the shipped questionnaires and seed demo data on the first start. */
  SEED_DEMO: z.enum(["0", "1"]).default("1"),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment once at start-up; a bad value stops the app with one sentence. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const name = first.path.join(".") || "environment";
  const got = name === "SECRET_KEY" ? `${(source[name] ?? "").length} characters` : JSON.stringify(source[name] ?? "");
  throw new Error(redactSecrets(`Invalid ${name}: ${first.message} (got ${got}).`, source));
}

/**
 * A message fit for a log: no password of a database URL, no SECRET_KEY. Start-up and CLI
 * errors pass through this (drivers quote the URL they failed to open).
 */
export function redactSecrets(text: string, source: Record<string, string | undefined> = process.env): string {
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)[^@\s]*@/gi, "$1***@");
  const key = source.SECRET_KEY;
  if (key && key.length >= 8) out = out.split(key).join("***");
  return out;
}
