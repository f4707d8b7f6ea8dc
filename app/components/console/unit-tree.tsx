import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate } from "~/metrics/format";
import { levelKey } from "~/org/levels";

export interface TreeUnit {
  id: number;
  code: string;
  name: string;
  level: string;
  parent_id: number | null;
  valid_to: string | null;
  successor_code: string | null;
}

/** Siblings by tier (province; departments and boards; communes, wards and special zones; …) then by name. */
const TIERS: Record<string, number> = { "quoc-gia": -1, tinh: 0, so: 1, ban: 1, huyen: 2, xa: 3, phuong: 3, "dac-khu": 3, phong: 4, "to-chuc-khac": 5 };
const rank = (level: string) => TIERS[level] ?? 6;
export const byLevelThenName = (a: TreeUnit, b: TreeUnit) => rank(a.level) - rank(b.level) || a.name.localeCompare(b.name, "vi");

/** The units as nested lists (name, then level and code apart); closed units show their end date and successor. */
export function UnitTree({ units, rootIds }: { units: TreeUnit[]; rootIds: number[] }) {
  const { t } = useTranslation();
  const children = new Map<number, TreeUnit[]>();
  for (const u of units) if (u.parent_id !== null) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u]);
  for (const list of children.values()) list.sort(byLevelThenName);
  const byId = new Map(units.map((u) => [u.id, u]));
  const render = (u: TreeUnit, depth: number) => (
    <li key={u.id} className={u.valid_to ? "closed" : undefined}>
      <Link to={`/quan-tri/don-vi/${encodeURIComponent(u.code)}`}>{u.name}</Link>
      <span className="tree-meta">
        {t(levelKey(u.level))} · {t("org.code")} <code>{u.code}</code>
      </span>
      {u.valid_to ? ` — ${t("org.closedOn", { date: formatDate(u.valid_to), successor: u.successor_code ?? "—" })}` : null}
      {depth < 12 && children.get(u.id)?.length ? <ul>{children.get(u.id)!.map((c) => render(c, depth + 1))}</ul> : null}
    </li>
  );
  return <ul className="tree">{rootIds.map((id) => byId.get(id)).filter((u): u is TreeUnit => Boolean(u)).map((u) => render(u, 0))}</ul>;
}
