import { Resvg } from "@resvg/resvg-js";
import * as fontkit from "fontkit";
import type { ChartScene, SceneItem } from "~/documents/chart-scene";
import { fontData, fontRuns } from "./pdf-fonts.server";

// A chart scene as PNG for the DOCX, without a browser: the scene becomes an SVG whose text is
// already glyph outlines of Tinos (the resvg rasteriser then needs no installed font and the
// chart looks the same on every server), and resvg draws it.

const fonts = new Map<string, fontkit.Font>();
function font(subset: Parameters<typeof fontData>[0], bold: boolean): fontkit.Font {
  const key = `${subset}-${bold}`;
  let f = fonts.get(key);
  if (!f) fonts.set(key, (f = fontkit.create(fontData(subset, bold ? "bold" : "regular"))));
  return f;
}

/** Text as SVG paths, anchored like SVG text (start / middle / end) on its baseline. */
function textPaths(item: Extract<SceneItem, { kind: "text" }>): string {
  const glyphs: Array<{ d: string; x: number; scale: number }> = [];
  let x = 0;
  for (const run of fontRuns(item.text)) {
    const f = font(run.subset, item.bold ?? false);
    const scale = item.size / f.unitsPerEm;
    const laid = f.layout(run.text);
    laid.glyphs.forEach((g, i) => {
      glyphs.push({ d: g.path.toSVG(), x: x + laid.positions[i].xOffset * scale, scale });
      x += laid.positions[i].xAdvance * scale;
    });
  }
  const start = item.anchor === "middle" ? item.x - x / 2 : item.anchor === "end" ? item.x - x : item.x;
  return glyphs
    .filter((g) => g.d)
    .map((g) => `<path transform="translate(${(start + g.x).toFixed(2)} ${item.y.toFixed(2)}) scale(${g.scale.toFixed(5)} ${(-g.scale).toFixed(5)})" d="${g.d}"/>`)
    .join("");
}

function svgItem(item: SceneItem): string {
  switch (item.kind) {
    case "rect":
      return `<rect x="${item.x}" y="${item.y}" width="${Math.max(item.w, 0)}" height="${item.h}" fill="${item.fill}"/>`;
    case "line":
      return `<line x1="${item.x1}" y1="${item.y1}" x2="${item.x2}" y2="${item.y2}" stroke="${item.stroke}" stroke-width="${item.width}"${item.dash ? ` stroke-dasharray="${item.dash}"` : ""}/>`;
    case "polyline":
      return `<polyline points="${item.points.map((p) => p.join(",")).join(" ")}" fill="none" stroke="${item.stroke}" stroke-width="${item.width}"/>`;
    case "circle":
      return `<circle cx="${item.x}" cy="${item.y}" r="${item.r}" fill="${item.fill}"/>`;
    case "text":
      return `<g fill="#1f2937">${textPaths(item)}</g>`;
  }
}

export function sceneSvg(scene: ChartScene): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}"><rect width="100%" height="100%" fill="#ffffff"/>${scene.items.map(svgItem).join("")}</svg>`;
}

/** PNG of a scene at `scale` pixels per point (3 ≈ 216 dpi: sharp when printed). */
export function scenePng(scene: ChartScene, scale = 3): Buffer {
  return new Resvg(sceneSvg(scene), { fitTo: { mode: "zoom", value: scale }, font: { loadSystemFonts: false } }).render().asPng();
}
