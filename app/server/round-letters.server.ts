import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { markInvited, type RoundRow } from "../../db/queries/rounds";
import { translator } from "~/i18n/i18n.server";
import type { Question, SurveyDefinition } from "~/survey/types";
import { registerPdfFonts } from "./pdf-fonts.server";
import { formatRoundCode } from "./round-codes.server";
import { sampleLines, type SampleLine } from "./round-reach.server";
import { assertOpen, startFieldwork } from "./rounds.server";
import type { AppServices } from "./services.server";
import { parsedVersion } from "./survey-versions.server";

// letters.pdf: one A4 letter per drawn dossier for a VNPost mail merge — purpose, privacy
// notice, QR code and link, the short code — followed by the paper questionnaire to return.
// Streamed: a page of the sample is rendered only when the reader has taken the previous
// bytes, so a batch of any size runs at flat memory. Fonts: pdf-fonts.server.ts (embedded).

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

function letterPage(doc: Doc, round: RoundRow, s: SampleLine, t: ReturnType<typeof translator>) {
  doc.font("bold").fontSize(10).text(round.unit_name.toUpperCase(), M, M, { width: W / 2 - 10 });
  doc.font("bold").text(t("rounds.letter.nation"), M + W / 2, M, { width: W / 2, align: "center" });
  doc.font("italic").text(t("rounds.letter.motto"), { width: W / 2, align: "center" });
  doc.moveDown(2).font("regular").fontSize(11);
  doc.text(`${t("rounds.letter.to")} ${s.contact?.name || t("rounds.letter.citizen")}`, M, doc.y, { width: W });
  if (s.contact?.address) doc.text(s.contact.address, { width: W });
  doc.moveDown().font("bold").fontSize(14).text(t("rounds.letter.title"), M, doc.y, { width: W, align: "center" });
  doc.moveDown().font("regular").fontSize(11);
  doc.text(t("rounds.letter.purpose", { unit: s.unitName, service: s.serviceName, dossier: s.dossier }), { width: W, align: "justify" });
  doc.moveDown();
  const top = doc.y;
  if (s.url) qr(doc, s.url, M, top, 120);
  doc.font("bold").fontSize(12).text(t("rounds.letter.codeLabel"), M + 135, top + 8, { width: W - 135 });
  doc.fontSize(22).text(formatRoundCode(s.code), { width: W - 135, characterSpacing: 2 });
  doc.font("regular").fontSize(10).text(t("rounds.letter.scan"), { width: W - 135 });
  doc.fontSize(8).text(s.url, { width: W - 135 });
  doc.y = Math.max(doc.y, top + 125);
  doc.moveDown().fontSize(11).text(t("rounds.letter.paper"), M, doc.y, { width: W, align: "justify" });
  doc.moveDown().font("bold").fontSize(10).text(t("rounds.letter.privacyTitle"), { width: W });
  doc.font("regular").fontSize(9).text(t("rounds.letter.privacy"), { width: W, align: "justify" });
  doc.moveDown().fontSize(11).text(t("rounds.letter.thanks"), { width: W });
}

function question(doc: Doc, q: Question, t: ReturnType<typeof translator>, number: number) {
  if (doc.y > A4.height - M - 60) doc.addPage();
  doc.font("regular").fontSize(9).text(`${number}. ${q.label.vi}`, M, doc.y, { width: W });
  const y = doc.y + 2;
  const options: string[] =
    q.type === "scale5" ? ["1", "2", "3", "4", "5", ...(q.allowNA ? [t("rounds.letter.na")] : [])]
      : q.type === "single" || q.type === "multi" ? q.options.map((o) => o.label.vi)
        : q.type === "yesno" || q.type === "consent" ? [t("rounds.letter.yes"), t("rounds.letter.no")]
          : q.type === "smiley" ? Array.from({ length: q.levels }, (_, i) => String(i + 1))
            : q.type === "stars" ? Array.from({ length: q.max }, (_, i) => String(i + 1))
              : [];
  if (!options.length) {
    doc.moveTo(M + 12, y + 14).lineTo(M + W, y + 14).lineWidth(0.5).stroke();
    doc.y = y + 20;
    return;
  }
  let x = M + 12;
  let row = y;
  for (const label of options) {
    const width = Math.min(W - 24, doc.widthOfString(label) + 22);
    if (x + width > M + W) {
      x = M + 12;
      row += 13;
    }
    box(doc, x, row + 1, 8);
    doc.text(label, x + 12, row, { lineBreak: false });
    x += width + 8;
  }
  doc.y = row + 15;
}

function questionnaire(doc: Doc, def: SurveyDefinition, s: SampleLine, t: ReturnType<typeof translator>) {
  doc.addPage();
  doc.font("bold").fontSize(12).text(def.title.vi.toUpperCase(), M, M, { width: W - 130 });
  doc.font("bold").fontSize(12).text(`${t("rounds.letter.codeShort")} ${formatRoundCode(s.code)}`, M + W - 125, M, { width: 125, align: "right" });
  doc.moveDown().font("italic").fontSize(9).text(t("rounds.letter.scaleHint"), M, doc.y, { width: W });
  let n = 0;
  for (const section of def.sections) {
    if (doc.y > A4.height - M - 80) doc.addPage();
    doc.moveDown(0.5).font("bold").fontSize(10).text(section.title.vi, M, doc.y, { width: W });
    for (const q of section.questions) if (q.type !== "text" || !q.personal) question(doc, q, t, ++n);
  }
}

/**
 * Streams the letters; marks each drawn dossier invited once its letter is written. `limit`
 * stops after that many letters (a benchmark's batch).
 */
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
