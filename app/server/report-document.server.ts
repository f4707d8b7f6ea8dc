import { commentTexts } from "../../db/queries/report-comments";
import { monthlyCells } from "../../db/queries/report-extra";
import type { Db } from "../../db/index";
import { themeCounts } from "~/documents/comment-themes";
import type { ReportDocument } from "~/documents/document-model";
import { comparisonPeriod, periodTemplate } from "~/documents/period-template";
import { buildReportDocument } from "~/documents/report-content";
import type { DocumentInput, DocumentSummary } from "~/documents/report-input";
import type { AppLocale } from "~/i18n/config";
import { translator } from "~/i18n/i18n.server";
import { trailingMonths } from "~/metrics/period-picker";
import { vnDate } from "~/metrics/periods";
import { trendFromCells } from "~/metrics/trend";
import { ruleOf } from "./comments.server";
import { titlesOf } from "./dashboard.server";
import { buildSummary, resolveReport, type ReportAccess, type SummaryQuery } from "./report.server";
import { reportDocx } from "./report-docx.server";
import { reportPdf } from "./report-pdf.server";
import { settingsForUnit } from "./report-settings.server";
import { parsedVersion } from "./survey-versions.server";

// The report document of GET /api/v1/reports/report.docx|pdf: the summary of the same
// parameters (buildSummary, as the summary API returns it, with per-unit intervals), the
// comparison period's summary, the monthly trend, comments sorted by theme, and the
// issuer's settings, laid out by documents/report-content.ts.

/** At most this many comments are read for the theme counts (a province-year has far fewer). */
const COMMENT_CAP = 50_000;

export async function reportDocumentOf(db: Db, query: SummaryQuery, access: ReportAccess, locale: AppLocale, today = vnDate(new Date())): Promise<ReportDocument> {
  const t = translator(locale);
  // A survey round's document is round-document.server.ts: its figures come from the round's sample.
  const period = periodTemplate(query.from, query.to);
  const previousRange = comparisonPeriod(period);
  const report = await resolveReport(db, query, access);
  const [summary, previous, { definition }] = await Promise.all([
    buildSummary(db, query, access, { unitIntervals: true }),
    buildSummary(db, { ...query, ...previousRange }, access, { intervals: false, counter: false }),
    parsedVersion(db, report.version.id, report.version.content_hash),
  ]);
  const months = trailingMonths(query.to);
  const items = report.model.aspects.flatMap((a) => a.elements.flatMap((e) => e.items));
  const [cells, texts, settings] = await Promise.all([
    monthlyCells(db, report.scope, months[0], months[months.length - 1], items),
    commentTexts(db, report.scope, query, ruleOf(report.version.id, definition).textIds, COMMENT_CAP),
    settingsForUnit(db, report.unit.id, t),
  ]);
  const input: DocumentInput = {
    summary: summary as DocumentSummary,
    previous: { period: previousRange, index: previous.index, units: previous.units.map((u) => ({ code: u.code, index: u.index })) },
    trend: trendFromCells(report.model, months, cells.cells, cells.responses),
    titles: { ...Object.fromEntries(report.model.aspects.flatMap((a) => a.elements.map((e) => [e.id, e.title[locale]]))), ...titlesOf(definition, locale) },
    elements: report.model.aspects.flatMap((a) => a.elements.map((e) => ({ id: e.id, items: e.items }))),
    survey: { title: locale === "en" ? report.version.title_en : report.version.title_vi, version: report.version.version, source: definition.source?.[locale] ?? null },
    unitName: report.unit.name,
    settings,
    comments: { total: texts.length, themes: themeCounts(texts) },
    period,
    today,
  };
  return buildReportDocument(input, t, locale);
}

export type DocumentFormat = "docx" | "pdf";

const CONTENT_TYPE: Record<DocumentFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** The document as a file download: "bao-cao-<unit>-<from>-<to>.docx|pdf". */
export async function reportDocumentResponse(db: Db, query: SummaryQuery, access: ReportAccess, locale: AppLocale, format: DocumentFormat): Promise<Response> {
  const doc = await reportDocumentOf(db, query, access, locale);
  return documentFile(doc, locale, format, `bao-cao-${query.unit ?? "tong-hop"}-${query.from}-${query.to}`);
}

/** The file of a report document (a period's or a survey round's) with its download headers. */
export async function documentFile(doc: ReportDocument, locale: AppLocale, format: DocumentFormat, baseName: string): Promise<Response> {
  const info = { title: `${doc.title} ${doc.subtitle}`, lang: locale === "en" ? "en-GB" : "vi-VN" };
  const body = format === "docx" ? await reportDocx(doc, info) : await reportPdf(doc, info);
  const name = `${baseName}.${format}`.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": CONTENT_TYPE[format], "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
  });
}
