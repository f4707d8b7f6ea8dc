import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// The one place PDFs get their fonts (round letters, reports). Noto Sans covers Vietnamese
// in full (every precomposed letter with its tone mark) and ships as plain TTF files in an
// npm package, so nothing has to be installed by apt. pdfkit embeds the subset a document uses.

export type PdfFontName = "regular" | "bold" | "italic";

const FILES: Record<PdfFontName, string> = {
  regular: "400Regular/NotoSans_400Regular.ttf",
  bold: "700Bold/NotoSans_700Bold.ttf",
  italic: "400Regular_Italic/NotoSans_400Regular_Italic.ttf",
};

let packageDir: string | null = null;
const loaded = new Map<PdfFontName, Buffer>();

function fontDir(): string {
  if (!packageDir) {
    const require = createRequire(import.meta.url);
    packageDir = path.dirname(require.resolve("@expo-google-fonts/noto-sans/package.json"));
  }
  return packageDir;
}

/** The TTF bytes of a font, read once per process. */
export function pdfFont(name: PdfFontName): Buffer {
  let bytes = loaded.get(name);
  if (!bytes) {
    bytes = fs.readFileSync(path.join(fontDir(), FILES[name]));
    loaded.set(name, bytes);
  }
  return bytes;
}

/** Registers the three fonts on a pdfkit document under their names ("regular", "bold", "italic"). */
export function registerPdfFonts(doc: { registerFont(name: string, src: Buffer): unknown }): void {
  for (const name of Object.keys(FILES) as PdfFontName[]) doc.registerFont(name, pdfFont(name));
}
