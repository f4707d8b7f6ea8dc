import { changeOf, tiedWithLeader } from "~/metrics/change";
import type { Summary } from "./report.server";

// Change against another period on every figure, and rank groups (issue 13.9).

/** Marks the units whose interval overlaps the leader's. */
export function withRankGroups<T extends { rank: number | null; ci95: [number, number] | null }>(units: T[]): Array<T & { tiedWithLeader: boolean | null }> {
  const tied = tiedWithLeader(units);
  return units.map((u, i) => ({ ...u, tiedWithLeader: tied[i] }));
}

type Figure = { index: number | null; ci95: [number, number] | null };

function byKey<T extends Figure>(rows: T[], key: (r: T) => string): Map<string, Figure> {
  return new Map(rows.map((r) => [key(r), r]));
}

/** `now` with `change` on the index, aspects, elements, items and units, against `before`. */
export function withChange(now: Summary, before: Summary, period: { from: string; to: string }): Summary {
  const diff = <T extends Figure>(rows: T[], old: Map<string, Figure>, key: (r: T) => string) =>
    rows.map((r) => {
      const b = old.get(key(r));
      return { ...r, change: changeOf(r.index, r.ci95, b?.index, b?.ci95) };
    });
  const id = (r: { id: string }) => r.id;
  const code = (r: { code: string }) => r.code;
  return {
    ...now,
    comparedWith: period,
    change: changeOf(now.index, now.ci95, before.index, before.ci95),
    aspects: diff(now.aspects, byKey(before.aspects, id), id),
    elements: diff(now.elements, byKey(before.elements, id), id),
    items: diff(now.items, byKey(before.items, id), id),
    units: diff(now.units, byKey(before.units, code), code),
  };
}
