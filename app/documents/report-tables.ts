import type { Block } from "./document-model";
import type { DocFormat, Translate } from "./report-content";
import type { DocumentInput } from "./report-input";

// The tables of the report document, each a block of strings formatted from summary fields. Pure.

type Table = Extract<Block, { kind: "table" }>;

/** "2" or, when another unit has the same rank, "2 (đồng hạng)": ties are shown as ties. */
function rankCell(rank: number | null, all: Array<{ rank: number | null }>, t: Translate): string {
  if (rank === null) return "—";
  return all.filter((r) => r.rank === rank).length > 1 ? t("document.tie", { rank }) : String(rank);
}

/** A value of a part with fewer than 30 respondents carries "(ít mẫu)" beside it. */
const thin = (value: string, small: boolean | undefined, t: Translate) => (small ? `${value} ${t("document.smallSample")}` : value);

export function elementsTable(input: DocumentInput, t: Translate, f: DocFormat): Table {
  const s = input.summary;
  return {
    kind: "table",
    caption: t("document.elements.table"),
    columns: [
      { head: t("document.col.element"), width: 6 },
      { head: t("document.col.index"), width: 2.2, align: "right" },
      { head: t("document.col.ci"), width: 3.6, align: "center" },
      { head: t("document.col.n"), width: 1.8, align: "right" },
      { head: t("document.col.target"), width: 2, align: "center" },
    ],
    rows: s.elements.map((e) => [input.titles[e.id] ?? e.id, thin(f.pct(e.index), e.smallSample && e.n > 0, t), f.ci(e.ci95), f.count(e.n), f.status(e.meetsTarget, e.n)]),
  };
}

/** Each element's criteria (questions), the element as a bold group row. */
export function criteriaTable(input: DocumentInput, t: Translate, f: DocFormat): Table {
  const items = new Map(input.summary.items.map((i) => [i.id, i]));
  const rows: string[][] = [];
  const strong: number[] = [];
  for (const element of input.elements) {
    strong.push(rows.length);
    rows.push([input.titles[element.id] ?? element.id, "", "", ""]);
    for (const id of element.items) {
      const item = items.get(id);
      if (item) rows.push([input.titles[id] ?? id, thin(f.pct(item.index), item.smallSample && item.valid > 0, t), f.ci(item.ci95), f.count(item.valid)]);
    }
  }
  return {
    kind: "table",
    caption: t("document.elements.criteria"),
    columns: [
      { head: t("document.col.criterion"), width: 8 },
      { head: t("document.col.satisfied"), width: 2.2, align: "right" },
      { head: t("document.col.ci"), width: 3.6, align: "center" },
      { head: t("document.col.answers"), width: 1.8, align: "right" },
    ],
    rows,
    strong,
  };
}

export function unitsTable(input: DocumentInput, t: Translate, f: DocFormat): Table {
  const s = input.summary;
  const before = new Map(input.previous?.units.map((u) => [u.code, u.index]));
  const delta = (u: (typeof s.units)[number]) => {
    if (u.change !== undefined) return u.change?.delta ?? null;
    const b = before.get(u.code);
    return u.index === null || b === null || b === undefined ? null : u.index - b;
  };
  return {
    kind: "table",
    caption: t("document.units.table"),
    columns: [
      { head: t("document.col.rank"), width: 1.6, align: "center" },
      { head: t("document.col.unit"), width: 5.4 },
      { head: t("document.col.index"), width: 2.2, align: "right" },
      { head: t("document.col.ci"), width: 3.4, align: "center" },
      { head: t("document.col.n"), width: 1.6, align: "right" },
      { head: t("document.col.change"), width: 1.6, align: "right" },
      { head: t("document.col.target"), width: 1.8, align: "center" },
    ],
    rows: s.units.map((u) => [
      rankCell(u.rank, s.units, t),
      u.name,
      [f.pct(u.index), u.smallSample && u.n > 0 ? t("document.smallSample") : "", u.thin ? t("document.thin") : ""].filter(Boolean).join(" "),
      f.ci(u.ci95),
      f.count(u.n),
      f.delta(delta(u)),
      f.status(u.meetsTarget, u.n),
    ]),
  };
}

export function servicesTable(input: DocumentInput, t: Translate, f: DocFormat): Table {
  const s = input.summary;
  return {
    kind: "table",
    caption: t("document.services.table"),
    columns: [
      { head: t("document.col.rank"), width: 1.6, align: "center" },
      { head: t("document.col.service"), width: 9 },
      { head: t("document.col.index"), width: 2.2, align: "right" },
      { head: t("document.col.n"), width: 1.8, align: "right" },
    ],
    rows: s.services.map((x) => [rankCell(x.rank, s.services, t), `${x.name} (${x.code})`, x.smallSample && x.n > 0 ? `${f.pct(x.index)} ${t("document.smallSample")}` : f.pct(x.index), f.count(x.n)]),
  };
}

export function indicatorsTable(input: DocumentInput, t: Translate, f: DocFormat): Table {
  return {
    kind: "table",
    caption: t("document.indicators.table"),
    columns: [
      { head: t("document.col.indicator"), width: 8 },
      { head: t("document.col.value"), width: 2.2, align: "right" },
      { head: t("document.col.ci"), width: 3.6, align: "center" },
    ],
    rows: [
      // One row per option: "question — option", its share of those who answered, Wilson interval.
      ...(input.summary.indicators ?? []).flatMap((i) =>
        i.options.map((o) => [`${input.titles[i.id] ?? i.id} — ${input.titles[`${i.id}.${o.id}`] ?? o.id}`, f.pct(o.share), f.ci(o.ci95)]),
      ),
      // Health forms: the share who would return or recommend.
      ...(input.summary.wouldReturn ? [[t("document.indicators.wouldReturn"), f.pct(input.summary.wouldReturn.share), f.ci(input.summary.wouldReturn.ci95)]] : []),
    ],
  };
}
