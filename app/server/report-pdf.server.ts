import PDFDocument from "pdfkit";
import type { ChartScene } from "~/documents/chart-scene";
import type { Block, ReportDocument } from "~/documents/document-model";
import { registerPdfFonts } from "./pdf-fonts.server";
import { drawLines, drawText, layoutLines, lineHeight, textHeight, textWidth, type TextStyle } from "./pdf-text.server";

// The report document as PDF in the NĐ 30/2020 layout: A4, margins top/bottom 20 mm, left
// 30 mm, right 15 mm; Tinos (Times New Roman metrics) 14 pt body, tables 12 pt with their
// header repeated on every page; charts drawn as vectors; page numbers from page 2.

const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89, top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const WIDTH = PAGE.width - PAGE.left - PAGE.right;
const BOTTOM = PAGE.height - PAGE.bottom;
const BODY: TextStyle = { size: 14, align: "justify", leading: 1.3, indent: 10 * MM };
const CELL: TextStyle = { size: 12, leading: 1.15 };
const PAD = 3;

class Writer {
  y = PAGE.top;
  constructor(readonly doc: PDFKit.PDFDocument) {}

  ensure(height: number) {
    if (this.y + height > BOTTOM) this.newPage();
  }

  newPage() {
    this.doc.addPage();
    this.y = PAGE.top + 14;
  }

  text(text: string, st: TextStyle, x = PAGE.left, width = WIDTH, after = 4) {
    const lines = layoutLines(this.doc, text, width, st);
    const lh = lineHeight(st);
    // Line by line, so a long paragraph flows onto the next page.
    for (let i = 0; i < lines.length; i++) {
      this.ensure(lh);
      this.y += drawLines(this.doc, [lines[i]], x, this.y, width, st);
    }
    this.y += after;
  }
}

function header(w: Writer, d: ReportDocument) {
  const doc = w.doc;
  const leftW = WIDTH * 0.42;
  const rightX = PAGE.left + leftW;
  const rightW = WIDTH - leftW;
  let ly = PAGE.top;
  if (d.header.parentBody) ly += drawText(doc, d.header.parentBody, PAGE.left, ly, leftW, { size: 13, align: "center" });
  ly += drawText(doc, d.header.issuer, PAGE.left, ly, leftW, { size: 13, style: "bold", align: "center" });
  const mid = PAGE.left + leftW / 2;
  doc.moveTo(mid - 30, ly + 1).lineTo(mid + 30, ly + 1).lineWidth(0.6).stroke("#000");
  ly += 8 + drawText(doc, d.header.number, PAGE.left, ly + 8, leftW, { size: 13, align: "center" });
  let ry = PAGE.top;
  ry += drawText(doc, d.header.motto[0], rightX, ry, rightW, { size: 12, style: "bold", align: "center" });
  ry += drawText(doc, d.header.motto[1], rightX, ry, rightW, { size: 13, style: "bold", align: "center" });
  const mw = textWidth(doc, d.header.motto[1], { size: 13, style: "bold" });
  const rmid = rightX + rightW / 2;
  doc.moveTo(rmid - mw / 2, ry + 1).lineTo(rmid + mw / 2, ry + 1).lineWidth(0.6).stroke("#000");
  ry += 8 + drawText(doc, d.header.placeDate, rightX, ry + 8, rightW, { size: 14, style: "italic", align: "center" });
  w.y = Math.max(ly, ry) + 18;
  w.text(d.title, { size: 14, style: "bold", align: "center" }, PAGE.left, WIDTH, 0);
  w.text(d.subtitle, { size: 14, style: "bold", align: "center" }, PAGE.left + 20, WIDTH - 40, 14);
}

function table(w: Writer, block: Extract<Block, { kind: "table" }>) {
  const doc = w.doc;
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => (WIDTH * c.width) / total);
  const headSt = { ...CELL, style: "bold" as const, align: "center" as const };
  const rowHeight = (cells: string[], st: (i: number) => TextStyle) => Math.max(...cells.map((c, i) => textHeight(doc, c || " ", widths[i] - 2 * PAD, st(i)))) + 2 * PAD;
  const drawRow = (cells: string[], st: (i: number) => TextStyle, height: number) => {
    let x = PAGE.left;
    cells.forEach((c, i) => {
      doc.rect(x, w.y, widths[i], height).lineWidth(0.5).stroke("#000");
      if (c) drawText(doc, c, x + PAD, w.y + PAD, widths[i] - 2 * PAD, st(i));
      x += widths[i];
    });
    w.y += height;
  };
  const heads = block.columns.map((c) => c.head);
  const headH = rowHeight(heads, () => headSt);
  const strong = new Set(block.strong ?? []);
  const cellSt = (r: number) => (i: number): TextStyle => ({ ...CELL, align: block.columns[i].align ?? "left", style: strong.has(r) ? "bold" : "regular" });
  w.ensure(lineHeight({ size: 13 }) + headH + 40);
  w.text(block.caption, { size: 13, style: "italic", align: "center" }, PAGE.left, WIDTH, 2);
  drawRow(heads, () => headSt, headH);
  block.rows.forEach((row, r) => {
    const h = rowHeight(row, cellSt(r));
    if (w.y + h > BOTTOM) {
      w.newPage();
      drawRow(heads, () => headSt, headH);
    }
    drawRow(row, cellSt(r), h);
  });
  w.y += 10;
}

function chart(w: Writer, caption: string, scene: ChartScene) {
  const doc = w.doc;
  const scale = Math.min(1.05, WIDTH / scene.width);
  const height = scene.height * scale;
  w.ensure(height + 30);
  w.text(caption, { size: 13, style: "italic", align: "center" }, PAGE.left, WIDTH, 2);
  const ox = PAGE.left + (WIDTH - scene.width * scale) / 2;
  const oy = w.y;
  const X = (x: number) => ox + x * scale;
  const Y = (y: number) => oy + y * scale;
  for (const it of scene.items) {
    if (it.kind === "rect") doc.rect(X(it.x), Y(it.y), Math.max(it.w, 0) * scale, it.h * scale).fill(it.fill);
    else if (it.kind === "circle") doc.circle(X(it.x), Y(it.y), it.r * scale).fill(it.fill);
    else if (it.kind === "line") {
      doc.moveTo(X(it.x1), Y(it.y1)).lineTo(X(it.x2), Y(it.y2)).lineWidth(it.width * scale);
      if (it.dash) doc.dash(it.dash * scale, { space: it.dash * scale });
      doc.stroke(it.stroke).undash();
    } else if (it.kind === "polyline") {
      it.points.forEach(([x, y], i) => (i ? doc.lineTo(X(x), Y(y)) : doc.moveTo(X(x), Y(y))));
      doc.lineWidth(it.width * scale).stroke(it.stroke);
    } else {
      const st: TextStyle = { size: it.size * scale, style: it.bold ? "bold" : "regular", leading: 1 };
      doc.fillColor("#1f2937");
      const tw = textWidth(doc, it.text, st);
      const x = it.anchor === "middle" ? X(it.x) - tw / 2 : it.anchor === "end" ? X(it.x) - tw : X(it.x);
      // Scene y is the baseline; the drawn line box is about one size tall above it.
      drawText(doc, it.text, x, Y(it.y) - st.size * 0.85, tw + 1, st);
    }
  }
  doc.fillColor("#000");
  w.y += height + 10;
}

function closing(w: Writer, d: ReportDocument) {
  const doc = w.doc;
  const leftW = WIDTH * 0.5;
  const rightX = PAGE.left + leftW;
  const recipients = d.recipients.map((r) => `- ${r};`);
  const needed = Math.max(lineHeight({ size: 12 }) * (recipients.length + 1), 120) + 20;
  w.ensure(needed);
  const top = w.y + 10;
  let ly = top + drawText(doc, d.recipientsHead, PAGE.left, top, leftW, { size: 12, style: "boldItalic" });
  for (const r of recipients) ly += drawText(doc, r, PAGE.left, ly, leftW, { size: 11 });
  let ry = top + drawText(doc, d.signer.title, rightX, top, WIDTH - leftW, { size: 14, style: "bold", align: "center" });
  ry += 70;
  ry += drawText(doc, d.signer.name, rightX, ry, WIDTH - leftW, { size: 14, style: "bold", align: "center" });
  w.y = Math.max(ly, ry);
}

/** The whole document as a PDF buffer. */
export function reportPdf(d: ReportDocument, info: { title: string; lang: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 0, bufferPages: true, info: { Title: info.title, Creator: "Hài Lòng" }, lang: info.lang });
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const w = new Writer(doc);
  header(w, d);
  for (const block of d.blocks) {
    if (block.kind === "heading") {
      // Keep a heading with what follows it: never alone at the foot of a page.
      w.ensure(lineHeight(BODY) * 2 + 140);
      w.text(block.text, { size: 14, style: "bold", align: "left", leading: 1.3 }, PAGE.left + (block.level === 2 ? 10 * MM : 0), WIDTH - (block.level === 2 ? 10 * MM : 0), 4);
    } else if (block.kind === "paragraph") w.text(block.text, { ...BODY, style: block.italic ? "italic" : "regular" });
    else if (block.kind === "table") table(w, block);
    else chart(w, block.caption, block.scene);
  }
  closing(w, d);
  const range = doc.bufferedPageRange();
  for (let i = 1; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    drawText(doc, String(i + 1), PAGE.left, 10 * MM, WIDTH, { size: 13, align: "center" });
  }
  doc.end();
  return done;
}
