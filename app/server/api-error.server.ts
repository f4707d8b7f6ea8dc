import type { TFunction } from "i18next";
import type { FieldError } from "~/survey/validate-answers";

export type ApiErrorCode =
  | "invalid" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "too_large" | "rate_limited" | "unavailable" | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  invalid: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, too_large: 413, rate_limited: 429, unavailable: 503, internal: 500,
};

/** An expected failure with the docs/api.md error shape; `messageKey` is translated when sent. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly messageKey: string,
    readonly fields?: Record<string, FieldError>,
    readonly retryAfter?: number,
  ) {
    super(messageKey);
  }
}

export function errorBody(error: ApiError, t: TFunction) {
  const fields = error.fields
    ? Object.fromEntries(Object.entries(error.fields).map(([k, f]) => [k, t(f.key, f.params ?? {})]))
    : undefined;
  return { code: error.code, message: t(error.messageKey), ...(fields ? { fields } : {}) };
}

export function errorResponse(error: ApiError, t: TFunction): Response {
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8" };
  if (error.retryAfter !== undefined) headers["Retry-After"] = String(error.retryAfter);
  return new Response(JSON.stringify({ error: errorBody(error, t) }), { status: STATUS[error.code], headers });
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

/** zod issues → API `fields`, with our message keys (zod's own English text never reaches users). */
export function zodFields(issues: Array<{ path: PropertyKey[]; code: string; input?: unknown; keys?: string[] }>): Record<string, FieldError> {
  const fields: Record<string, FieldError> = {};
  for (const issue of issues) {
    const prefix = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys" && issue.keys) {
      for (const key of issue.keys) fields[prefix ? `${prefix}.${key}` : key] = { key: "validation.unknownField" };
      continue;
    }
    const path = prefix || "body";
    if (fields[path]) continue;
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    fields[path] = { key: missing ? "validation.required" : "validation.invalid" };
  }
  return fields;
}

export const BODY_LIMIT = 64 * 1024;
/** Batches of kiosk queues: up to 500 responses of a few KiB each. */
export const BATCH_BODY_LIMIT = 4 * 1024 * 1024;

/** Reads a JSON body of at most `limit` bytes without buffering more than that. */
export async function readJsonBody(request: Request, limit = BODY_LIMIT): Promise<unknown> {
  const text = Buffer.from(await readBodyBytes(request, limit)).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid", "errors.badJson");
  }
}

/** Reads a body of at most `limit` bytes (413 beyond) without buffering more than that. */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new ApiError("too_large", "errors.tooLarge");
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw new ApiError("too_large", "errors.tooLarge");
      }
      chunks.push(value);
    }
  }
  return new Uint8Array(Buffer.concat(chunks));
}
