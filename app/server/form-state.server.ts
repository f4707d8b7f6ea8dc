import { randomUUID, timingSafeEqual } from "node:crypto";
import type { AnswerSet } from "~/survey/types";
import type { Hasher } from "./secrets.server";

/**
 * The partial answer set of an online form travels between steps in a signed hidden field
 * (never in the URL, never in a server draft). The signature stops a forged state; the
 * answers are still validated in full when the form is sent.
 */
export interface FormState {
  /** Client id of the response, fixed when the form is first opened: the idempotency key. */
  id: string;
  /** What the form is bound to: "u:UNIT|s:SERVICE" or "i:INVITATION_ID". */
  binding: string;
  slug: string;
  version: number;
  startedAt: string;
  answers: AnswerSet;
}

export function newFormState(binding: string, slug: string, version: number, now = new Date()): FormState {
  return { id: randomUUID(), binding, slug, version, startedAt: now.toISOString(), answers: {} };
}

// The hasher's "session" key with its own prefix: no other use signs a value starting so.
const mac = (hasher: Hasher, payload: string) => hasher.hash("session", `form-state\u0000${payload}`);

export function signFormState(hasher: Hasher, state: FormState): string {
  const payload = Buffer.from(JSON.stringify(state), "utf8").toString("base64url");
  return `${payload}.${mac(hasher, payload)}`;
}

/** The state, or null when the field is missing, forged or not bound to this form. */
export function readFormState(hasher: Hasher, value: unknown, binding: string): FormState | null {
  if (typeof value !== "string" || value.length > 200_000) return null;
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const payload = value.slice(0, dot);
  const sent = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(hasher, payload));
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return null;
  try {
    const state = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as FormState;
    if (state.binding !== binding || typeof state.answers !== "object" || state.answers === null) return null;
    return state;
  } catch {
    return null;
  }
}
