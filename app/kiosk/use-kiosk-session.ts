import { useCallback, useEffect, useRef, useState } from "react";
import type { AnswerValue, Locale } from "~/survey/types";
import { doneBinding } from "./device-store";
import { faceQuestion, keptOnIdle, nextQuestion, previousQuestion, submissionBody, type SessionDraft } from "./flow";
import { enqueue } from "./outbox";
import { isBurst } from "./retry";
import type { KioskConfigView } from "./types";

export type Screen =
  | { kind: "attract" }
  | { kind: "service" }
  | { kind: "question"; id: string }
  | { kind: "thanks"; id: string }
  | { kind: "busy" };

export const THANKS_MS = 5_000;
export const IDLE_MS = 45_000;
const BUSY_MS = 15_000;

/** The binding offered to the next citizen: pending on the server and not yet used here. */
export function liveBinding(config: KioskConfigView | null) {
  const b = config?.binding;
  return b && b.id !== doneBinding.get() && Date.parse(b.expiresAt) > Date.now() ? b : null;
}

/**
 * One citizen's pass through the kiosk. The response id is drawn at the first tap and kept
 * until the thank-you screen, so repeated taps and resends are one response.
 */
export function useKioskSession(config: KioskConfigView | null, locale: Locale, onQueued: (id: string, tappedAt: number) => void) {
  const [screen, setScreen] = useState<Screen>({ kind: "attract" });
  const [draft, setDraft] = useState<SessionDraft | null>(null);
  const submitting = useRef(false);
  const draftRef = useRef<SessionDraft | null>(null);
  draftRef.current = draft;
  const recent = useRef<number[]>([]);
  const def = config?.survey.definition;
  const face = def ? faceQuestion(def) : null;

  const reset = useCallback(() => {
    submitting.current = false;
    setDraft(null);
    setScreen({ kind: "attract" });
  }, []);

  /** Queues the response; `quiet` (on idle) goes straight back to the start, no thank-you. */
  const submit = useCallback(async (d: SessionDraft, quiet = false) => {
    if (!config || !def || submitting.current) return;
    submitting.current = true;
    const tappedAt = performance.now();
    const body = submissionBody(d, def, config.survey, config.unit.code, locale, new Date());
    try {
      await enqueue({ id: d.id, body, queuedAt: Date.now(), attempts: 0 });
    } catch {
      submitting.current = false; // storage refused: stay on the screen, the citizen can tap again
      return;
    }
    if (d.bindingId) doneBinding.set(d.bindingId);
    recent.current = [...recent.current.filter((t) => Date.now() - t < 60_000), Date.now()];
    if (quiet) return reset();
    setScreen({ kind: "thanks", id: d.id });
    onQueued(d.id, tappedAt);
  }, [config, def, locale, onQueued, reset]);

  // Walked away: keep what was answered (a tapped face is an answer), then start over.
  const idle = useCallback(() => {
    const d = draftRef.current;
    if (def && keptOnIdle(def, d)) void submit(d!, true).finally(reset);
    else reset();
  }, [def, submit, reset]);

  const advance = useCallback((d: SessionDraft, fromId: string | null) => {
    if (!def) return;
    const q = nextQuestion(def, d.answers, fromId, face?.id);
    if (q) setScreen({ kind: "question", id: q.id });
    else void submit(d);
  }, [def, face, submit]);

  const start = useCallback((faceValue?: number) => {
    if (!config || !def) return;
    if (isBurst(recent.current, Date.now())) return setScreen({ kind: "busy" });
    const binding = liveBinding(config);
    const d: SessionDraft = {
      id: crypto.randomUUID(),
      startedAt: new Date().toISOString(),
      answers: face && faceValue !== undefined ? { [face.id]: faceValue } : {},
      service: binding?.service ?? config.service ?? null,
      dossier: binding?.dossier ?? null,
      bindingId: binding?.id ?? null,
    };
    setDraft(d);
    if (!d.service && config.services.length) setScreen({ kind: "service" });
    else advance(d, null);
  }, [config, def, face, advance]);

  const pickService = useCallback((code: string | null) => {
    if (!draft) return;
    const d = { ...draft, service: code };
    setDraft(d);
    advance(d, null);
  }, [draft, advance]);

  const answer = useCallback((value: AnswerValue | undefined, moveOn: boolean) => {
    if (!draft || screen.kind !== "question") return;
    const answers = { ...draft.answers };
    if (value === undefined) delete answers[screen.id];
    else answers[screen.id] = value;
    const d = { ...draft, answers };
    setDraft(d);
    if (moveOn) advance(d, screen.id);
  }, [draft, screen, advance]);

  const next = useCallback(() => {
    if (draft && screen.kind === "question") advance(draft, screen.id);
  }, [draft, screen, advance]);

  const back = useCallback(() => {
    if (!def || !draft || screen.kind !== "question") return reset();
    const prev = previousQuestion(def, draft.answers, screen.id, face?.id);
    if (prev) setScreen({ kind: "question", id: prev.id });
    else reset();
  }, [def, draft, screen, face, reset]);

  // Thank-you and the kind pause go back to the attract screen by themselves.
  useEffect(() => {
    if (screen.kind !== "thanks" && screen.kind !== "busy") return;
    const timer = setTimeout(reset, screen.kind === "thanks" ? THANKS_MS : BUSY_MS);
    return () => clearTimeout(timer);
  }, [screen, reset]);

  // Privacy for the next person: after IDLE_MS without a touch the screen goes back to the
  // start; what was already answered is stored, never shown again.
  useEffect(() => {
    if (screen.kind !== "question" && screen.kind !== "service") return;
    let timer = setTimeout(idle, IDLE_MS);
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(idle, IDLE_MS);
    };
    const events = ["pointerdown", "keydown", "input"] as const;
    events.forEach((e) => window.addEventListener(e, touch, true));
    return () => {
      clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, touch, true));
    };
  }, [screen, idle]);

  return { screen, draft, face, start, pickService, answer, next, back, reset, submitting: submitting.current };
}
