import type { KioskService } from "./types";

// The kiosk's procedure picker, pure: every procedure reachable by touch, most used first,
// grouped by field, in pages of big buttons (typing is an extra, never the only way).

export const SERVICES_PER_PAGE = 8;

/** Most used first; equal use by name (Vietnamese collation). */
export function orderByUse<T extends { name: string; uses: number }>(services: T[]): T[] {
  return [...services].sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name, "vi"));
}

export interface ServicePage {
  /** null = the "most used" page at the front. */
  field: string | null;
  items: KioskService[];
}

/**
 * Pages: first the most used procedures (when any use is known and there is more than one
 * page), then every field — the most used field first — in pages of `perPage`, each field
 * starting on its own page. Every procedure appears on a field page.
 */
export function servicePages(services: KioskService[], perPage = SERVICES_PER_PAGE): ServicePage[] {
  const ordered = orderByUse(services);
  if (ordered.length <= perPage) return ordered.length ? [{ field: null, items: ordered }] : [];
  const pages: ServicePage[] = [];
  const used = ordered.filter((s) => s.uses > 0);
  if (used.length) pages.push({ field: null, items: used.slice(0, perPage) });
  const fields = new Map<string, KioskService[]>();
  for (const s of ordered) fields.set(s.field, [...(fields.get(s.field) ?? []), s]);
  const fieldUse = (list: KioskService[]) => list.reduce((n, s) => n + s.uses, 0);
  const byField = [...fields].sort(([a, x], [b, y]) => fieldUse(y) - fieldUse(x) || a.localeCompare(b, "vi"));
  for (const [field, list] of byField) {
    for (let i = 0; i < list.length; i += perPage) pages.push({ field, items: list.slice(i, i + perPage) });
  }
  return pages;
}

/** The first page of each field, for the field buttons. */
export function fieldStarts(pages: ServicePage[]): Array<{ field: string; page: number }> {
  const out: Array<{ field: string; page: number }> = [];
  pages.forEach((p, i) => {
    if (p.field !== null && !out.some((f) => f.field === p.field)) out.push({ field: p.field, page: i });
  });
  return out;
}

/** Remove Vietnamese diacritics so "dang ky" finds "Đăng ký". */
export const foldVietnamese = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
