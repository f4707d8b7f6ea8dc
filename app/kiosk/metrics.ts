// Tap-to-stored timings, kept in memory and exposed as window.__kioskMetrics for the
// end-to-end test that measures them (milliseconds).
const taps = new Map<string, number>();
export const kioskMetrics: { queuedMs: number[]; storedMs: number[] } = { queuedMs: [], storedMs: [] };

export function recordQueued(id: string, tappedAt: number): void {
  kioskMetrics.queuedMs.push(performance.now() - tappedAt);
  taps.set(id, tappedAt);
}

export function recordSettled(id: string, stored: boolean): void {
  const tapped = taps.get(id);
  if (tapped !== undefined && stored) kioskMetrics.storedMs.push(performance.now() - tapped);
  taps.delete(id);
}

export function exposeMetrics(): void {
  (window as unknown as { __kioskMetrics: typeof kioskMetrics }).__kioskMetrics = kioskMetrics;
}
