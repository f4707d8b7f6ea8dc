// The little of fontkit 2 (pdfkit's own font engine) that chart-png.server.ts uses; the
// package ships no types.
declare module "fontkit" {
  export interface GlyphPath {
    toSVG(): string;
  }
  export interface Glyph {
    path: GlyphPath;
  }
  export interface GlyphPosition {
    xAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
  }
  export interface Font {
    unitsPerEm: number;
    layout(text: string): GlyphRun;
  }
  export function create(buffer: Buffer): Font;
}
