import { useCallback, useEffect, useRef, useState } from "react";
import { markRevoked } from "./device-store";
import { recordSettled } from "./metrics";
import { queueLength, rejectedLength, sendOnce } from "./outbox";

/**
 * Drives the outbox: sends whenever kicked (a new response, the network coming back, a
 * timer after a failure), one round at a time, with exponential backoff between failures.
 */
export function useOutbox(token: string | null, online: boolean) {
  const [queued, setQueued] = useState<number | null>(null);
  const [rejected, setRejected] = useState(0);
  const [revoked, setRevoked] = useState(false);
  /** Responses the server refused as a dossier already rated (shown kindly, never retried). */
  const [conflicts, setConflicts] = useState<ReadonlySet<string>>(() => new Set());
  const state = useRef({ running: false, again: false, failures: 0, timer: undefined as ReturnType<typeof setTimeout> | undefined, stopped: false });

  const refresh = useCallback(async () => {
    setQueued(await queueLength().catch(() => null));
    setRejected(await rejectedLength().catch(() => 0));
  }, []);

  const run = useCallback(async () => {
    const s = state.current;
    if (!token || s.stopped) return;
    if (s.running) {
      s.again = true;
      return;
    }
    s.running = true;
    clearTimeout(s.timer);
    try {
      for (;;) {
        s.again = false;
        const report = await sendOnce(token, s.failures);
        for (const o of report.outcomes) {
          recordSettled(o.id, o.verdict === "stored");
          if (o.verdict === "rejected" && o.error?.code === "conflict") setConflicts((prev) => new Set(prev).add(o.id));
        }
        await refresh();
        if (report.next === "revoked") {
          s.stopped = true;
          markRevoked();
          setRevoked(true);
          return;
        }
        if (report.next === "retry") {
          s.failures += 1;
          s.timer = setTimeout(() => void run(), report.waitMs);
          return;
        }
        s.failures = 0;
        if (report.next === "idle" && !s.again) return;
      }
    } catch {
      // IndexedDB hiccup: try again later, never drop anything.
      s.failures += 1;
      s.timer = setTimeout(() => void run(), 5_000);
    } finally {
      s.running = false;
    }
  }, [token, refresh]);

  useEffect(() => {
    const s = state.current;
    s.stopped = false;
    void refresh();
    void run();
    const onOnline = () => {
      s.failures = 0;
      void run();
    };
    window.addEventListener("online", onOnline);
    // A slow safety net: whatever happened, look at the queue again every minute.
    const sweep = setInterval(() => void run(), 60_000);
    return () => {
      s.stopped = true;
      clearTimeout(s.timer);
      clearInterval(sweep);
      window.removeEventListener("online", onOnline);
    };
  }, [run, refresh]);

  /** A fresh response was queued, or the network looks back: send now. */
  const kick = useCallback(() => {
    state.current.failures = 0;
    void refresh();
    void run();
  }, [run, refresh]);

  // The server answered a poll again: whatever waits goes now, not after the backoff.
  useEffect(() => {
    if (online) kick();
  }, [online, kick]);

  return { queued, rejected, revoked, conflicts, kick };
}
