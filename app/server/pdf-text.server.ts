import { fontRuns, pdfFontName, type FontRun, type FontStyle } from "./pdf-fonts.server";

// Line breaking and drawing of Vietnamese text on a pdfkit page. The text is made of runs in
// different font files (pdf-fonts.server.ts), so lines are broken here, between words only,
// never inside one ("Vi|ệt"), and each run is drawn at its own position.

export interface TextStyle {
  size: number;
  style?: FontStyle;
  align?: "left" | "center" | "right" | "justify";
  /** Line height as a multiple of the size. */
  leading?: number;
  /** First-line indent of each paragraph, in points. */
  indent?: number;
}

interface Word {
  runs: FontRun[];
  width: number;
}

interface Line {
  words: Word[];
  width: number;
  first: boolean;
  last: boolean;
}

function measure(doc: PDFKit.PDFDocument, run: FontRun, size: number, style: FontStyle): number {
  return doc.font(pdfFontName(run.subset, style)).fontSize(size).widthOfString(run.text);
}

/** Words of a paragraph with their widths; a word longer than the line is cut by characters. */
function words(doc: PDFKit.PDFDocument, text: string, size: number, style: FontStyle): Word[] {
  return text
    .split(/[ \t\r]+/) // not at no-break spaces: "Số:      /BC-SNV" keeps its blank
    .filter(Boolean)
    .map((w) => {
      const runs = fontRuns(w);
      return { runs, width: runs.reduce((sum, r) => sum + measure(doc, r, size, style), 0) };
    });
}

/** Breaks text (with "\n" for hard breaks) into lines no wider than `width`. */
export function layoutLines(doc: PDFKit.PDFDocument, text: string, width: number, st: TextStyle): Line[] {
  const style = st.style ?? "regular";
  const space = measure(doc, { subset: "latin", text: " " }, st.size, style);
  const lines: Line[] = [];
  for (const paragraph of text.split("\n")) {
    let current: Line = { words: [], width: 0, first: true, last: false };
    for (const word of words(doc, paragraph, st.size, style)) {
      const next = current.words.length ? current.width + space + word.width : word.width;
      if (current.words.length && next > width - (current.first ? (st.indent ?? 0) : 0)) {
        lines.push(current);
        current = { words: [word], width: word.width, first: false, last: false };
      } else {
        current.words.push(word);
        current.width = next;
      }
    }
    lines.push({ ...current, last: true });
  }
  return lines;
}

export const lineHeight = (st: TextStyle) => st.size * (st.leading ?? 1.2);

/** Height the text takes in a box of `width`. */
export function textHeight(doc: PDFKit.PDFDocument, text: string, width: number, st: TextStyle): number {
  return layoutLines(doc, text, width, st).length * lineHeight(st);
}

/** Draws laid-out lines from (x, y); returns the height used. */
export function drawLines(doc: PDFKit.PDFDocument, lines: Line[], x: number, y: number, width: number, st: TextStyle): number {
  const style = st.style ?? "regular";
  const space = measure(doc, { subset: "latin", text: " " }, st.size, style);
  const lh = lineHeight(st);
  lines.forEach((line, i) => {
    const align = st.align ?? "left";
    const indent = line.first ? (st.indent ?? 0) : 0;
    const gaps = line.words.length - 1;
    const extra = align === "justify" && !line.last && gaps > 0 ? (width - indent - line.width) / gaps : 0;
    let cx = align === "center" ? x + (width - line.width) / 2 : align === "right" ? x + width - line.width : x + indent;
    // pdfkit places text by its top; the baseline sits about 0.8 of the size lower.
    const top = y + i * lh + (lh - st.size) / 2;
    for (const word of line.words) {
      for (const run of word.runs) {
        doc.font(pdfFontName(run.subset, style)).fontSize(st.size).text(run.text, cx, top, { lineBreak: false });
        cx += measure(doc, run, st.size, style);
      }
      cx += space + extra;
    }
  });
  return lines.length * lh;
}

/** Width of a single line of text (no wrapping). */
export function textWidth(doc: PDFKit.PDFDocument, text: string, st: TextStyle): number {
  return layoutLines(doc, text, Infinity, st).reduce((w, l) => Math.max(w, l.width), 0);
}

/** Lays out and draws text in one go; returns the height used. */
export function drawText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, st: TextStyle): number {
  return drawLines(doc, layoutLines(doc, text, width, st), x, y, width, st);
}
