// Reorganized units (docs/method.md §7): a closed unit points at its successor; following the
// chain gives the unit of today its responses belong to when reports are "mapped".

export interface UnitLink {
  id: number;
  valid_to: string | null;
  successor_id: number | null;
}

/** Each unit → the open unit at the end of its successor chain (itself when open or without successor). */
export function currentUnitOf(units: UnitLink[]): Map<number, number> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Map<number, number>();
  for (const u of units) {
    let at = u;
    const seen = new Set<number>([u.id]);
    while (at.valid_to !== null && at.successor_id !== null) {
      const next = byId.get(at.successor_id);
      if (!next || seen.has(next.id)) break; // a broken or circular chain stops where it is
      seen.add(next.id);
      at = next;
    }
    out.set(u.id, at.id);
  }
  return out;
}
