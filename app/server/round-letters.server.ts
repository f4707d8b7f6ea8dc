import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { markInvited, type RoundRow } from "../../db/queries/rounds";
import { translator } from "~/i18n/i18n.server";
import type { Question, SurveyDefinition } from "~/survey/types";
import { registerPdfFonts } from "./pdf-fonts.server";
import { drawText, textHeight, textWidth, type TextStyle } from "./pdf-text.server";
import { formatRoundCode } from "./round-codes.server";
import { sampleLines, type SampleLine } from "./round-reach.server";
import { assertOpen, startFieldwork } from "./rounds.server";
import type { AppServices } from "./services.server";
import { parsedVersion } from "./survey-versions.server";

// letters.pdf: one A4 letter per drawn dossier for a VNPost mail merge — purpose, privacy
// notice, QR code and link, the short code — followed by the paper questionnaire to return.
// Streamed: a page of the sample is rendered only when the reader has taken the previous
// bytes, so a batch of any size runs at flat memory. Fonts: pdf-fonts.server.ts (embedded),
// Vietnamese text laid out by pdf-text.server.ts (shared with the report documents).

const A4 = { width: 595.28, height: 841.89 };
const M = 50;
const W = A4.width - 2 * M;
type Doc = PDFKit.PDFDocument;

function box(doc: Doc, x: number, y: number, size = 9) {
  doc.rect(x, y, size, size).lineWidth(0.7).stroke();
}

/** The QR code drawn as vector squares (crisp at any print resolution, no image decoding). */
function qr(doc: Doc, url: string, x: number, y: number, size: number) {
  const code = QRCode.create(url, { errorCorrectionLevel: "M" });
  const n = code.modules.size;
  const cell = size / (n + 2);
  doc.save().fillColor("black");
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (code.modules.get(r, c)) doc.rect(x + (c + 1) * cell, y + (r + 1) * cell, cell, cell);
  doc.fill().restore();
}

type T = ReturnType<typeof translator>;

/** Text at (x, y) in a box of `width`, Vietnamese runs and line breaks by pdf-text.server.ts; returns the y below it. */
function put(doc: Doc, text: string, x: number, y: number, width: number, st: TextStyle): number {
  return y + drawText(doc, text, x, y, width, st);
}

function letterPage(doc: Doc, round: RoundRow, s: SampleLine, t: T) {
  put(doc, round.unit_name.toUpperCase(), M, M, W / 2 - 10, { size: 10, style: "bold" });
  let y = put(doc, t("rounds.letter.nation"), M + W / 2, M, W / 2, { size: 10, style: "bold", align: "center" });
  y = put(doc, t("rounds.letter.motto"), M + W / 2, y, W / 2, { size: 10, style: "italic", align: "center" }) + 28;
  y = put(doc, `${t("rounds.letter.to")} ${s.contact?.name || t("rounds.letter.citizen")}`, M, y, W, { size: 12 });
  if (s.contact?.address) y = put(doc, s.contact.address, M, y, W, { size: 12 });
  y = put(doc, t("rounds.letter.title"), M, y + 16, W, { size: 14, style: "bold", align: "center" }) + 10;
  y = put(doc, t("rounds.letter.purpose", { unit: s.unitName, service: s.serviceName, dossier: s.dossier }), M, y, W, { size: 12, align: "justify", indent: 20 }) + 12;
  const top = y;
  if (s.url) qr(doc, s.url, M, top, 120);
  y = put(doc, t("rounds.letter.codeLabel"), M + 135, top + 6, W - 135, { size: 12, style: "bold" });
  y = put(doc, formatRoundCode(s.code), M + 135, y + 2, W - 135, { size: 24, style: "bold" });
  y = put(doc, t("rounds.letter.scan"), M + 135, y + 4, W - 135, { size: 11 });
  y = put(doc, s.url, M + 135, y, W - 135, { size: 8 });
  if (s.url) put(doc, t("rounds.letter.typeCode", { url: s.url.replace(/\/moi\/.*$/, "/ma-phieu") }), M + 135, y + 2, W - 135, { size: 10 });
  y = put(doc, t("rounds.letter.paper"), M, top + 132, W, { size: 12, align: "justify", indent: 20 }) + 12;
  y = put(doc, t("rounds.letter.privacyTitle"), M, y, W, { size: 11, style: "bold" });
  y = put(doc, t("rounds.letter.privacy"), M, y, W, { size: 10, align: "justify" }) + 12;
  put(doc, t("rounds.letter.thanks"), M, y, W, { size: 12 });
}

const BOTTOM = A4.height - M;

function options(q: Question, t: T): string[] {
  if (q.type === "scale5") return ["1", "2", "3", "4", "5", ...(q.allowNA ? [t("rounds.letter.na")] : [])];
  if (q.type === "single" || q.type === "multi") return q.options.map((o) => o.label.vi);
  if (q.type === "yesno" || q.type === "consent") return [t("rounds.letter.yes"), t("rounds.letter.no")];
  if (q.type === "smiley") return Array.from({ length: q.levels }, (_, i) => String(i + 1));
  if (q.type === "stars") return Array.from({ length: q.max }, (_, i) => String(i + 1));
  return [];
}

/** One question with a box per answer; returns the y below it (a new page when it would not fit). */
function question(doc: Doc, q: Question, t: T, number: number, y0: number): number {
  const label = `${number}. ${q.label.vi}`;
  const opts = options(q, t);
  const st: TextStyle = { size: 10 };
  let y = y0;
  if (y + textHeight(doc, label, W, st) + 30 > BOTTOM) {
    doc.addPage();
    y = M;
  }
  y = put(doc, label, M, y, W, st) + 2;
  if (!opts.length) {
    doc.moveTo(M + 12, y + 14).lineTo(M + W, y + 14).lineWidth(0.5).stroke();
    return y + 22;
  }
  let x = M + 12;
  for (const text of opts) {
    const width = Math.min(W - 24, textWidth(doc, text, { size: 9 }) + 22);
    if (x + width > M + W) {
      x = M + 12;
      y += 14;
    }
    box(doc, x, y + 2, 8);
    put(doc, text, x + 12, y, width, { size: 9 });
    x += width + 8;
  }
  return y + 18;
}

function questionnaire(doc: Doc, def: SurveyDefinition, s: SampleLine, t: T) {
  doc.addPage();
  put(doc, `${t("rounds.letter.codeShort")} ${formatRoundCode(s.code)}`, M + W - 150, M, 150, { size: 12, style: "bold", align: "right" });
  let y = put(doc, def.title.vi.toUpperCase(), M, M, W - 160, { size: 12, style: "bold" }) + 6;
  y = put(doc, t("rounds.letter.scaleHint"), M, y, W, { size: 9, style: "italic" }) + 4;
  let n = 0;
  for (const section of def.sections) {
    if (y > BOTTOM - 80) {
      doc.addPage();
      y = M;
    }
    y = put(doc, section.title.vi, M, y + 6, W, { size: 11, style: "bold" }) + 2;
    for (const q of section.questions) if (q.type !== "text" || !q.personal) y = question(doc, q, t, ++n, y);
  }
}

export async function lettersPdf(services: AppServices, round: RoundRow, base: string, now = new Date(), limit = Infinity): Promise<ReadableStream<Uint8Array>> {
  assertOpen(round);
  await startFieldwork(services.db, round);
  const versionRow = await services.db.selectFrom("survey_version").select(["id", "content_hash"]).where("id", "=", round.survey_version_id).executeTakeFirstOrThrow();
  const { definition } = await parsedVersion(services.db, versionRow.id, versionRow.content_hash);
  const t = translator("vi");
  const doc = new PDFDocument({ size: "A4", margin: M, autoFirstPage: false, compress: true, info: { Title: t("rounds.letter.title"), Creator: "Hài Lòng" } });
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  let ended = false;
  doc.on("data", (c: Buffer) => chunks.push(c));
  doc.on("end", () => (ended = true));
  const take = () => chunks.splice(0, chunks.length);
  const lines = sampleLines(services, round, base);
  const at = now.toISOString();
  let pageOfSample: SampleLine[] = [];
  let index = 0;
  let done = false;
  let written = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // One letter per pull: the reader's pace sets ours, so memory stays flat.
      for (;;) {
        if (done) {
          if (!ended) await new Promise((r) => setImmediate(r));
          for (const c of take()) controller.enqueue(new Uint8Array(c));
          if (ended) controller.close();
          return;
        }
        if (index >= pageOfSample.length || written >= limit) {
          const next = written >= limit ? await lines.return(undefined) : await lines.next();
          if (next.done) {
            done = true;
            doc.end();
            continue;
          }
          pageOfSample = next.value;
          index = 0;
          await markInvited(services.db, pageOfSample.map((s) => s.id), at);
          if (!pageOfSample.length) continue;
        }
        const s = pageOfSample[index++];
        written += 1;
        doc.addPage();
        letterPage(doc, round, s, t);
        questionnaire(doc, definition, s, t);
        await new Promise((r) => setImmediate(r));
        const out = take();
        if (!out.length) continue;
        for (const c of out) controller.enqueue(new Uint8Array(c));
        return;
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}
