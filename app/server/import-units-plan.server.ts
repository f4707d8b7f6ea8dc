import type { ImportIssue } from "./import-issues.server";
import type { RowOutcome, RowStatus } from "./imports.server";
import { ABOLISHED_UNIT_LEVELS } from "~/org/levels";

// Pure planning of a unit import against the current tree: parents resolved in the file or
// the database, cycles of the resulting tree refused, and an order that writes every parent
// before its children (a file may list a child before its parent).

export interface UnitRow {
  row: number;
  code: string;
  name: string;
  level: string;
  parent: string | null;
}

export interface ExistingUnit {
  id: number;
  code: string;
  name: string;
  level: string;
  parent_id: number | null;
}

export interface UnitPlan {
  outcomes: RowOutcome[];
  /** The valid rows, parents before children. */
  order: UnitRow[];
}

/** `rejectedCodes`: codes of file rows already refused (a child of one is not "unknown parent"). */
export function planUnits(rows: UnitRow[], existing: ExistingUnit[], rejectedCodes: ReadonlySet<string> = new Set()): UnitPlan {
  const dbByCode = new Map(existing.map((u) => [u.code, u]));
  const dbCodeById = new Map(existing.map((u) => [u.id, u.code]));
  const fileByCode = new Map(rows.map((r) => [r.code, r]));
  const issues = new Map<string, ImportIssue[]>(rows.map((r) => [r.code, []]));

  for (const r of rows) {
    // The abolished level stays on the units that have it and is given to no other.
    if (ABOLISHED_UNIT_LEVELS.includes(r.level) && dbByCode.get(r.code)?.level !== r.level) issues.get(r.code)!.push({ key: "levelAbolished", params: { value: r.level } });
    if (r.parent === null) continue;
    if (r.parent === r.code) issues.get(r.code)!.push({ key: "parentSelf" });
    else if (!fileByCode.has(r.parent) && !dbByCode.has(r.parent) && !rejectedCodes.has(r.parent)) {
      issues.get(r.code)!.push({ key: "parentUnknown", params: { parent: r.parent } });
    }
  }

  // The tree after the import: file rows override the database's parent links.
  const parentOf = (code: string): string | null => {
    const inFile = fileByCode.get(code);
    if (inFile) return inFile.parent;
    const parentId = dbByCode.get(code)?.parent_id;
    return parentId == null ? null : (dbCodeById.get(parentId) ?? null);
  };

  const terminates = new Set<string>();
  for (const r of rows) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let cursor: string | null = r.code;
    while (cursor !== null && !terminates.has(cursor)) {
      if (onPath.has(cursor)) {
        const cycle = path.slice(path.indexOf(cursor));
        if (cycle.length > 1) {
          const text = [...cycle, cursor].join(" → ");
          for (const code of cycle) {
            const list = issues.get(code);
            if (list && !list.some((i) => i.key === "cycle")) list.push({ key: "cycle", params: { path: text } });
          }
        }
        break;
      }
      onPath.add(cursor);
      path.push(cursor);
      cursor = parentOf(cursor);
    }
    for (const code of path) terminates.add(code);
  }

  // One province, one root (issue 18 point 15): a second unit without parent would make every
  // unscoped report ambiguous. The root kept is the database's, else the file's first.
  const roots = [...new Set([...dbByCode.keys(), ...fileByCode.keys()])].filter((c) => parentOf(c) === null);
  const kept = roots.find((c) => !fileByCode.has(c)) ?? roots.find((c) => dbByCode.has(c)) ?? roots[0];
  for (const r of rows) {
    if (r.parent === null && r.code !== kept) issues.get(r.code)!.push({ key: "secondRoot", params: { root: kept } });
  }

  const outcomes: RowOutcome[] = rows.map((r) => {
    const list = issues.get(r.code)!;
    return { row: r.row, code: r.code, status: list.length ? "rejected" : statusOf(r, dbByCode, dbCodeById), issues: list };
  });

  // Depth-first: a row is emitted after its parent (when the parent is in the file too).
  const order: UnitRow[] = [];
  const placed = new Set<string>();
  const place = (r: UnitRow, depth: number) => {
    if (placed.has(r.code) || depth > rows.length) return;
    const parent = r.parent === null ? undefined : fileByCode.get(r.parent);
    if (parent && parent !== r) place(parent, depth + 1);
    placed.add(r.code);
    order.push(r);
  };
  for (const r of rows) place(r, 0);
  return { outcomes, order };
}

function statusOf(r: UnitRow, dbByCode: Map<string, ExistingUnit>, dbCodeById: Map<number, string>): RowStatus {
  const old = dbByCode.get(r.code);
  if (!old) return "added";
  const oldParent = old.parent_id === null ? null : (dbCodeById.get(old.parent_id) ?? null);
  return old.name === r.name && old.level === r.level && oldParent === r.parent ? "unchanged" : "updated";
}
