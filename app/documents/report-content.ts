import { formatCount, formatDate, formatPercent } from "~/metrics/format";
import { SMALL_SAMPLE } from "~/metrics/ranking";
import { barScene, trendScene } from "./chart-scene";
import type { Block, ReportDocument, ReportSettings } from "./document-model";
import { periodLabel } from "./period-template";
import { THEME_KEYS } from "./comment-themes";
import type { Change, DocumentInput, Interval } from "./report-input";
import { criteriaTable, elementsTable, indicatorsTable, servicesTable, unitsTable } from "./report-tables";

// The report in the order of issue 14: purpose and legal basis; method; overall index; elements
// and criteria; ranking of units; procedures; perception indicators; comments by theme;
// proposals. Every number is a field of the summary, printed at 2 decimals in the document's
// locale (83,74%). Pure.

export type Translate = (key: string, values?: Record<string, unknown>) => string;
export type DocLocale = "vi" | "en";

export function documentFormat(t: Translate, locale: DocLocale) {
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? t("document.noValue") : formatPercent(v, locale));
  return {
    pct,
    count: (v: number) => formatCount(v, locale),
    ci: (c: Interval | undefined) => (c ? `${formatPercent(c[0], locale)} – ${formatPercent(c[1], locale)}` : "—"),
    /** Signed change in percentage points: "+1,25" / "−0,50"; "—" without a value. */
    delta: (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${v > 0 ? "+" : v < 0 ? "−" : "±"}${formatPercent(Math.abs(v), locale).replace("%", "")}`),
    status: (meets: boolean | null, n: number) => (meets === null || n === 0 ? "—" : t(meets ? "document.meets" : "document.misses")),
  };
}

export type DocFormat = ReturnType<typeof documentFormat>;

/** The change of the index: the summary's own `change` when it has one, else against the previous summary. */
function overallChange(input: DocumentInput): Change | null {
  if (input.summary.change) return input.summary.change;
  const before = input.previous?.index;
  return before === null || before === undefined || input.summary.index === null ? null : { delta: input.summary.index - before };
}

export function buildReportDocument(input: DocumentInput, t: Translate, locale: DocLocale = "vi"): ReportDocument {
  const f = documentFormat(t, locale);
  const s = input.summary;
  const period = periodLabel(input.period, formatDate);
  const periodText = t(period.key, period.values);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: t("document.purpose.heading") },
    { kind: "paragraph", text: t("document.purpose.text", { unit: input.unitName, period: periodText }) },
    { kind: "paragraph", text: t("document.purpose.basis") },
    ...(input.survey.source ? [{ kind: "paragraph" as const, text: t("document.purpose.instrument", { source: input.survey.source }) }] : []),
    { kind: "heading", level: 1, text: t("document.method.heading") },
    ...methodBlocks(input, t, f),
    { kind: "heading", level: 1, text: t("document.results.heading") },
    ...(s.n === 0 ? [{ kind: "paragraph" as const, text: t("document.results.noData", { period: periodText }) }] : resultBlocks(input, t, f)),
    { kind: "heading", level: 1, text: t("document.proposals.heading") },
    { kind: "paragraph", text: t("document.proposals.placeholder"), italic: true },
  ];
  return {
    ...documentFrame(input.settings, input.today, t),
    title: t("document.title"),
    subtitle: t("document.subtitle", { unit: input.unitName, period: periodText }),
    blocks,
  };
}

/** The NĐ 30/2020 frame around the body (issuer and motto header, recipients, signer), from a
 * root's settings and the date of issue (YYYY-MM-DD); the print view shows the same frame. */
export function documentFrame(settings: ReportSettings, today: string, t: Translate): Omit<ReportDocument, "title" | "subtitle" | "blocks"> {
  const [y, m, d] = today.split("-");
  return {
    header: {
      parentBody: settings.parentBody.toUpperCase(),
      issuer: settings.issuer.toUpperCase(),
      number: t("document.number", { code: settings.shortCode }),
      motto: [t("document.state"), t("document.motto")],
      // NĐ 30/2020: a zero before days below 10 and before months 1 and 2 only ("ngày 08 tháng 3").
      placeDate: t("document.placeDate", { place: settings.place, day: d, month: Number(m) <= 2 ? m : String(Number(m)), year: y }),
    },
    recipientsHead: t("document.recipients"),
    recipients: settings.recipients,
    signer: { title: settings.signerTitle.toUpperCase(), name: settings.signerName },
  };
}

const CHANNELS = { all: "document.channel.all", kiosk: "document.channel.kiosk", online: "document.channel.online", paper: "document.channel.paper" } as const;

function methodBlocks(input: DocumentInput, t: Translate, f: DocFormat): Block[] {
  const s = input.summary;
  const channel = t(CHANNELS[(s.scope.channel ?? "all") as keyof typeof CHANNELS] ?? CHANNELS.all);
  const out: Block[] = [
    { kind: "paragraph", text: t("document.method.survey", { survey: input.survey.title, version: input.survey.version, from: formatDate(s.period.from), to: formatDate(s.period.to), channel }) },
    { kind: "paragraph", text: t("document.method.sample", { n: f.count(s.n) }) },
  ];
  const coverage = s.counter?.coverage;
  if (coverage) out.push({ kind: "paragraph", text: t("document.method.responseRate", { dossiers: f.count(coverage.dossiers), rate: f.pct(coverage.responseRate), required: f.count(coverage.required) }) });
  if (s.ci95) out.push({ kind: "paragraph", text: t("document.method.margin", { margin: f.delta((s.ci95[1] - s.ci95[0]) / 2).replace(/^[+±]/, "±") }) });
  out.push({ kind: "paragraph", text: t(s.method.aggregation === "pooled" ? "document.method.pooled" : "document.method.meanOfItems") });
  const d = input.design;
  if (d) {
    const values = { strata: f.count(d.strata), N: f.count(d.N), drawn: f.count(d.drawn), respondents: f.count(d.respondents), rate: f.pct(d.responseRate === null ? null : d.responseRate * 100) };
    out.push({ kind: "paragraph", text: t("document.method.design", values) });
    out.push({ kind: "paragraph", text: t(d.weighted ? "document.method.weighted" : "document.method.unweighted") });
  } else if (s.weighted) out.push({ kind: "paragraph", text: t("document.method.weighted") });
  if (s.designBreak) out.push({ kind: "paragraph", text: t("document.method.designBreak", { version: s.method.modelVersion }) });
  out.push({ kind: "paragraph", text: t("document.method.smallSample", { min: SMALL_SAMPLE }) });
  return out;
}

function resultBlocks(input: DocumentInput, t: Translate, f: DocFormat): Block[] {
  const s = input.summary;
  const change = overallChange(input);
  const title = (id: string) => input.titles[id] ?? id;
  const out: Block[] = [{ kind: "heading", level: 2, text: t("document.overall.heading") }];
  out.push({ kind: "paragraph", text: t("document.overall.index", { index: f.pct(s.index), low: s.ci95 ? f.pct(s.ci95[0]) : "—", high: s.ci95 ? f.pct(s.ci95[1]) : "—", n: f.count(s.n) }) });
  if (s.target !== null) out.push({ kind: "paragraph", text: t(s.meetsTarget ? "document.overall.meets" : "document.overall.misses", { target: f.pct(s.target) }) });
  if (change && change.delta !== null && input.previous) {
    const from = formatDate(input.previous.period.from);
    const to = formatDate(input.previous.period.to);
    const key = change.significant === true ? "document.overall.changeSignificant" : change.significant === false ? "document.overall.changeNotSignificant" : "document.overall.change";
    const ci = change.ci95 ? ` ${t("document.overall.changeCi", { low: f.delta(change.ci95[0]), high: f.delta(change.ci95[1]) })}` : "";
    out.push({ kind: "paragraph", text: `${t(key, { from, to, before: f.pct(input.previous.index), delta: f.delta(change.delta) })}${ci}` });
  } else out.push({ kind: "paragraph", text: t("document.overall.noChange") });
  if (s.smallSample) out.push({ kind: "paragraph", text: t("document.overall.smallSample", { min: SMALL_SAMPLE }), italic: true });
  const trend = input.trend.map((p) => ({ label: `${p.month.slice(5)}/${p.month.slice(2, 4)}`, value: p.index, n: p.n, month: p.month }));
  if (trend.some((p) => p.value !== null)) {
    out.push({ kind: "chart", caption: t("document.overall.trendChart"), scene: trendScene(trend, s.target, String) });
    out.push({
      kind: "table",
      caption: t("document.overall.trendTable"),
      columns: [{ head: t("document.col.month"), width: 2 }, { head: t("document.col.index"), width: 2, align: "right" }, { head: t("document.col.n"), width: 2, align: "right" }],
      rows: trend.map((p) => [`${p.month.slice(5)}/${p.month.slice(0, 4)}`, f.pct(p.value), f.count(p.n)]),
    });
  }
  out.push({ kind: "heading", level: 2, text: t("document.elements.heading") });
  out.push({ kind: "chart", caption: t("document.elements.chart"), scene: barScene(s.elements.map((e) => ({ label: title(e.id), value: e.index })), s.target, String, (v) => f.pct(v).replace("%", "")) });
  out.push(elementsTable(input, t, f));
  out.push(criteriaTable(input, t, f));
  out.push({ kind: "heading", level: 2, text: t("document.units.heading") });
  out.push(s.units.length ? unitsTable(input, t, f) : { kind: "paragraph", text: t("document.units.none") });
  if (s.units.length) out.push({ kind: "paragraph", text: t("document.units.note", { min: SMALL_SAMPLE }), italic: true });
  out.push({ kind: "heading", level: 2, text: t("document.services.heading") });
  out.push(s.services.length ? servicesTable(input, t, f) : { kind: "paragraph", text: t("document.services.none") });
  out.push({ kind: "heading", level: 2, text: t("document.indicators.heading") });
  out.push(s.indicators?.length || s.wouldReturn ? indicatorsTable(input, t, f) : { kind: "paragraph", text: t("document.indicators.none") });
  out.push({ kind: "heading", level: 2, text: t("document.comments.heading") });
  const c = input.comments;
  if (!c) {
    out.push({ kind: "paragraph", text: t("document.comments.round") });
    return out;
  }
  out.push({ kind: "paragraph", text: c.total ? t("document.comments.total", { n: f.count(c.total) }) : t("document.comments.none") });
  if (c.total)
    out.push({
      kind: "table",
      caption: t("document.comments.table"),
      columns: [{ head: t("document.col.theme"), width: 5 }, { head: t("document.col.comments"), width: 2, align: "right" }],
      rows: c.themes.map((x) => [t(THEME_KEYS[x.theme]), f.count(x.count)]),
    });
  return out;
}
