import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate } from "~/metrics/format";

export interface TreeUnit {
  id: number;
  code: string;
  name: string;
  level: string;
  parent_id: number | null;
  valid_to: string | null;
  successor_code: string | null;
}

/** The units as nested lists; closed units show their end date and successor. */
export function UnitTree({ units, rootIds }: { units: TreeUnit[]; rootIds: number[] }) {
  const { t } = useTranslation();
  const children = new Map<number, TreeUnit[]>();
  for (const u of units) if (u.parent_id !== null) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const render = (u: TreeUnit, depth: number) => (
    <li key={u.id} className={u.valid_to ? "closed" : undefined}>
      <Link to={`/quan-tri/don-vi/${encodeURIComponent(u.code)}`}>
        {u.name} <code>{u.code}</code>
      </Link>
      {u.valid_to ? ` — ${t("org.closedOn", { date: formatDate(u.valid_to), successor: u.successor_code ?? "—" })}` : null}
      {depth < 12 && children.get(u.id)?.length ? <ul>{children.get(u.id)!.map((c) => render(c, depth + 1))}</ul> : null}
    </li>
  );
  return <ul className="tree">{rootIds.map((id) => byId.get(id)).filter((u): u is TreeUnit => Boolean(u)).map((u) => render(u, 0))}</ul>;
}
