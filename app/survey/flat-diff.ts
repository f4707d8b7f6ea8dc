// A readable before → after of two JSON documents: the leaf paths that changed.

type Leaves = Map<string, unknown>;

function leaves(value: unknown, prefix: string, out: Leaves): Leaves {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (!entries.length) out.set(prefix, Array.isArray(value) ? [] : {});
    for (const [k, v] of entries) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) out.set(prefix, value);
  return out;
}

/** `{ before: {path: old}, after: {path: new} }` for at most `limit` changed paths. */
export function flatDiff(before: unknown, after: unknown, limit = 60) {
  const a = leaves(before, "", new Map());
  const b = leaves(after, "", new Map());
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown>, changed: 0 };
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (JSON.stringify(a.get(key)) === JSON.stringify(b.get(key))) continue;
    out.changed++;
    if (out.changed > limit) continue;
    if (a.has(key)) out.before[key] = a.get(key);
    if (b.has(key)) out.after[key] = b.get(key);
  }
  return out;
}
