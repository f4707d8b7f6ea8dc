import { getRound } from "../../db/queries/rounds";
import { getReportVersion, getVersion } from "../../db/queries/surveys";
import type { Db } from "../../db/index";
import type { ReportDocument } from "~/documents/document-model";
import { periodTemplate } from "~/documents/period-template";
import { buildReportDocument } from "~/documents/report-content";
import type { DocumentSummary, RoundDesign } from "~/documents/report-input";
import type { AppLocale } from "~/i18n/config";
import { translator } from "~/i18n/i18n.server";
import { vnDate } from "~/metrics/periods";
import { titlesOf } from "./dashboard.server";
import type { Principal } from "./principal.server";
import { assertCanReport } from "./report.server";
import { documentFile, type DocumentFormat } from "./report-document.server";
import { settingsForUnit } from "./report-settings.server";
import { scopeUnit } from "./report-scope.server";
import { buildRoundSummary } from "./round-summary.server";
import { roundProgress } from "./rounds.server";
import { parsedVersion } from "./survey-versions.server";

// The report document of a survey round (`round=` on report.docx|pdf): the round's own summary,
// exactly as GET /api/v1/reports/summary?round= answers it (same rights, same numbers), named
// as the round, with the sample design in the method section. A round has no monthly trend and
// no previous period of its own, so those parts say so rather than mixing census figures in.

type RoundSummary = Awaited<ReturnType<typeof buildRoundSummary>>;

/** The round's summary in the shape the document reads: parts the round does not compute are empty. */
function documentSummary(rs: RoundSummary): DocumentSummary {
  return {
    ...rs,
    method: { ...rs.method, modelVersion: 0, headline: "version-model", interval: { items: "wilson", composite: "respondent-bootstrap", replicates: 0, seed: 0, sampled: 0 } },
    ci95: null,
    target: null,
    targetScope: null,
    meetsTarget: null,
    aspects: rs.aspects.map((a) => ({ ...a, ci95: null })),
    elements: rs.elements.map((e) => ({ ...e, ci95: null, target: null, meetsTarget: null })),
    units: rs.units.map((u) => ({ ...u, ci95: null, target: null, meetsTarget: null, tiedWithLeader: null })),
    designBreak: false,
    versions: [],
    counter: null,
    wouldReturn: null,
    indicators: [],
    weighted: rs.weighting === "design",
  };
}

export async function roundDocumentOf(db: Db, params: URLSearchParams, principal: Principal, locale: AppLocale, today = vnDate(new Date())): Promise<ReportDocument> {
  assertCanReport(principal);
  const t = translator(locale);
  // First: the summary checks the caller's rights and the parameters, as the summary API does.
  const rs = await buildRoundSummary(db, params, principal);
  const round = (await getRound(db, rs.round.id))!;
  const unit = await scopeUnit(db, rs.scope.unit, { unitId: principal.unitId });
  const [version, survey, progress, settings] = await Promise.all([
    getVersion(db, round.survey_slug, round.survey_version),
    getReportVersion(db, round.survey_slug),
    roundProgress(db, round),
    settingsForUnit(db, unit.id, t),
  ]);
  const { definition, indexModel } = await parsedVersion(db, version!.id, version!.content_hash);
  const inside = new Set(rs.design.strata.map((s) => s.unit));
  const strata = progress.strata.filter((s) => inside.has(s.unit));
  const drawn = strata.reduce((a, s) => a + s.drawn - s.undeliverable, 0);
  const respondents = strata.reduce((a, s) => a + s.responded, 0);
  const design: RoundDesign = {
    strata: strata.length,
    N: strata.reduce((a, s) => a + s.N, 0),
    drawn: strata.reduce((a, s) => a + s.drawn, 0),
    respondents,
    responseRate: drawn > 0 ? respondents / drawn : null,
    weighted: rs.weighting === "design",
  };
  const title = locale === "en" ? survey?.title_en : survey?.title_vi;
  return buildReportDocument(
    {
      summary: documentSummary(rs),
      previous: null,
      trend: [],
      titles: { ...Object.fromEntries(indexModel.aspects.flatMap((a) => a.elements.map((e) => [e.id, e.title[locale]]))), ...titlesOf(definition, locale) },
      elements: indexModel.aspects.flatMap((a) => a.elements.map((e) => ({ id: e.id, items: e.items }))),
      survey: { title: title ?? round.survey_slug, version: round.survey_version, source: definition.source?.[locale] ?? null },
      unitName: unit.name,
      settings,
      comments: null,
      period: periodTemplate(rs.period.from, rs.period.to, { name: rs.round.name }),
      design,
      today,
    },
    t,
    locale,
  );
}

/** GET /api/v1/reports/report.docx|pdf?round=ID: "bao-cao-dot-<id>.docx|pdf". */
export async function roundDocumentResponse(db: Db, params: URLSearchParams, principal: Principal, locale: AppLocale, format: DocumentFormat): Promise<Response> {
  const doc = await roundDocumentOf(db, params, principal, locale);
  return documentFile(doc, locale, format, `bao-cao-dot-${params.get("round")}`);
}
