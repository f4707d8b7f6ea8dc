// The JavaScript a page loads, measured from the Remix build manifest (build/ + public/build/):
// entry + manifest + every route module of the match chain and their imports, gzip-compressed.
//
//   npx tsx scripts/bundle-size.ts                      the citizen pages (default)
//   npx tsx scripts/bundle-size.ts routes/cong-khai     any route ids
//
// Exits 1 when the citizen form goes over its budget, or when a citizen bundle contains zod or
// chart.js (they belong on the server and in the analysts' console). Run `npm run build` first.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

interface ManifestRoute {
  id: string;
  parentId?: string;
  module: string;
  imports?: string[];
}
interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}

export const FORM_BUDGET_BYTES = 110 * 1024;
/** The citizen form's routes: the budget applies to each. */
export const FORM_ROUTES = ["routes/danh-gia.$unitCode.$serviceCode", "routes/moi.$token"];
export const CITIZEN_ROUTES = [...FORM_ROUTES, "routes/danh-gia.$unitCode._index", "routes/cam-on", "routes/hien-thi"];
/** Text that only these libraries' code contains. */
const FORBIDDEN: Array<[string, RegExp]> = [
  ["zod", /ZodError|\$ZodType|_zod\b/],
  ["chart.js", /Chart\.js v\d|chartjs-|registerables/],
];

const root = process.cwd();

function loadManifest(): { manifest: Manifest; manifestUrl: string } {
  const server = fs.readFileSync(path.join(root, "build/index.js"), "utf8");
  const url = /["'](\/build\/manifest-[A-Za-z0-9]+\.js)["']/.exec(server)?.[1];
  if (!url) throw new Error("No manifest URL in build/index.js: run `npm run build` first.");
  const text = fs.readFileSync(path.join(root, "public", url), "utf8");
  const json = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  return { manifest: JSON.parse(json) as Manifest, manifestUrl: url };
}

export interface RouteSize {
  route: string;
  files: number;
  raw: number;
  gzip: number;
  forbidden: string[];
}

export function measureRoute(manifest: Manifest, manifestUrl: string, routeId: string): RouteSize {
  const chain: ManifestRoute[] = [];
  for (let r: ManifestRoute | undefined = manifest.routes[routeId]; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
    chain.unshift(r);
  }
  if (!chain.length) throw new Error(`Unknown route id ${routeId}`);
  const urls = new Set([manifestUrl, manifest.entry.module, ...manifest.entry.imports]);
  for (const r of chain) for (const u of [r.module, ...(r.imports ?? [])]) urls.add(u);
  let raw = 0;
  let gzip = 0;
  const forbidden = new Set<string>();
  for (const url of urls) {
    const content = fs.readFileSync(path.join(root, "public", url));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
    const text = content.toString("utf8");
    for (const [name, pattern] of FORBIDDEN) if (pattern.test(text)) forbidden.add(name);
  }
  return { route: routeId, files: urls.size, raw, gzip, forbidden: [...forbidden] };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function main() {
  const { manifest, manifestUrl } = loadManifest();
  const routes = process.argv.slice(2).length ? process.argv.slice(2) : CITIZEN_ROUTES;
  let failed = false;
  console.log("route".padEnd(44), "files".padStart(5), "raw".padStart(10), "gzip".padStart(10));
  for (const id of routes) {
    const size = measureRoute(manifest, manifestUrl, id);
    const over = FORM_ROUTES.includes(id) && size.gzip > FORM_BUDGET_BYTES;
    const bad = CITIZEN_ROUTES.includes(id) && size.forbidden.length > 0;
    failed ||= over || bad;
    const notes = [over ? `OVER BUDGET (${kb(FORM_BUDGET_BYTES)})` : "", size.forbidden.length ? `contains ${size.forbidden.join(", ")}` : ""].filter(Boolean).join("; ");
    console.log(id.padEnd(44), String(size.files).padStart(5), kb(size.raw).padStart(10), kb(size.gzip).padStart(10), notes);
  }
  console.log(`Budget for the citizen form: ${kb(FORM_BUDGET_BYTES)} gzip (1 KB = 1024 bytes, gzip level 9).`);
  if (failed) process.exit(1);
}

main();
