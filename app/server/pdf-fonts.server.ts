import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { inflateSync } from "node:zlib";

// The one place PDFs get their font: Tinos (metric-compatible with Times New Roman, the font of
// NĐ 30/2020 documents) from the @fontsource/tinos package, embedded so a document looks the same
// on any machine. Fontsource ships Tinos cut into Unicode subsets (latin, vietnamese, latin-ext):
// no single file has every Vietnamese letter ("Việt" needs latin for V, i, t and vietnamese for
// ệ). So each style is registered once per subset, and `fontRuns` cuts a text into runs that
// each one file can draw. Shared by the report documents and the round letters.

export type FontStyle = "regular" | "bold" | "italic" | "boldItalic";

const SUBSETS = ["latin", "vietnamese", "latin-ext"] as const;
export type Subset = (typeof SUBSETS)[number];

const FILE_STYLE: Record<FontStyle, string> = { regular: "400-normal", bold: "700-normal", italic: "400-italic", boldItalic: "700-italic" };

const packageDir = path.dirname(createRequire(import.meta.url).resolve("@fontsource/tinos/package.json"));

/** The WOFF file of one subset and style (pdfkit and fontkit both read WOFF). */
export function fontFile(subset: Subset, style: FontStyle): string {
  return path.join(packageDir, "files", `tinos-${subset}-${FILE_STYLE[style]}.woff`);
}

/** pdfkit font name of a subset and style, e.g. "Tinos-vietnamese-bold". */
export const pdfFontName = (subset: Subset, style: FontStyle) => `Tinos-${subset}-${style}`;

type Range = [number, number];
let ranges: Map<Subset, Range[]> | null = null;

/** Code point ranges of each subset, from the package's own unicode.json ("U+0102-0103,…"). */
function subsetRanges(): Map<Subset, Range[]> {
  if (ranges) return ranges;
  const table = JSON.parse(readFileSync(path.join(packageDir, "unicode.json"), "utf8")) as Record<string, string>;
  ranges = new Map(
    SUBSETS.map((s) => [
      s,
      table[s].split(",").map((part): Range => {
        const [a, b] = part.replace(/U\+/g, "").split("-");
        return [parseInt(a, 16), parseInt(b ?? a, 16)];
      }),
    ]),
  );
  return ranges;
}

/** The first subset (latin before vietnamese before latin-ext) that holds a code point. */
export function subsetOf(codePoint: number): Subset {
  for (const [subset, list] of subsetRanges()) if (list.some(([a, b]) => codePoint >= a && codePoint <= b)) return subset;
  return "latin";
}

export interface FontRun {
  subset: Subset;
  text: string;
}

/**
 * A text (NFC, so "ệ" is one code point) cut into runs of one subset each. Spaces and
 * ASCII punctuation are latin: the other subsets have no space glyph.
 */
export function fontRuns(text: string): FontRun[] {
  const runs: FontRun[] = [];
  for (const ch of text.normalize("NFC")) {
    const cp = ch.codePointAt(0)!;
    const last = runs[runs.length - 1];
    const subset = subsetOf(cp);
    if (last && last.subset === subset) last.text += ch;
    else runs.push({ subset, text: ch });
  }
  return runs;
}

/**
 * WOFF → plain TrueType, once per process: pdfkit would otherwise inflate every WOFF table
 * again for each document (most of a PDF's build time). WOFF 1 is the sfnt's tables, each
 * zlib-compressed, behind a 44-byte header and a 20-byte-per-table directory.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") return woff;
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + 20 * i;
    const [offset, compLength, origLength] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const raw = woff.subarray(offset, offset + compLength);
    return { tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(raw) : raw };
  });
  const head = Buffer.alloc(12 + 16 * numTables);
  const log2 = Math.floor(Math.log2(numTables));
  woff.copy(head, 0, 4, 8);
  head.writeUInt16BE(numTables, 4);
  head.writeUInt16BE(16 * 2 ** log2, 6);
  head.writeUInt16BE(log2, 8);
  head.writeUInt16BE(16 * numTables - 16 * 2 ** log2, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach((t, i) => {
    const rec = 12 + 16 * i;
    t.tag.copy(head, rec);
    head.writeUInt32BE(t.checksum, rec + 4);
    head.writeUInt32BE(offset, rec + 8);
    head.writeUInt32BE(t.data.length, rec + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

const fileCache = new Map<string, Buffer>();

/** The TrueType bytes of one subset and style (read and unpacked once per process). */
export function fontData(subset: Subset, style: FontStyle): Buffer {
  const file = fontFile(subset, style);
  let data = fileCache.get(file);
  if (!data) fileCache.set(file, (data = woffToSfnt(readFileSync(file))));
  return data;
}

/** Registers every subset × style on a pdfkit document. */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  for (const subset of SUBSETS) for (const style of Object.keys(FILE_STYLE) as FontStyle[]) doc.registerFont(pdfFontName(subset, style), fontData(subset, style));
}
