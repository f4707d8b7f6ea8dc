// What the citizen's phone downloads, and the JavaScript of any route.
//
//   npx tsx scripts/bundle-size.ts                      the citizen pages over HTTP (default)
//   npx tsx scripts/bundle-size.ts routes/quan-tri      the JavaScript of any route ids
//
// Default: starts the built app on a throw-away database and fetches the citizen form as a
// phone does (brotli): the first step (HTML + its stylesheets and scripts) must stay within
// 60 KB and the next step (HTML only; stylesheets are cached) within 20 KB of compressed body;
// no citizen page may load a script (app/page-handle.ts). tests/e2e/citizen-bytes.test.ts checks
// the same budgets in Chromium, headers included, over the whole form.
// With route ids: entry + manifest + every route module of the match chain and their imports,
// gzip-compressed, from the Remix build manifest. Exits 1 over a budget. Run `npm run build` first.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { brotliDecompressSync, gzipSync } from "node:zlib";
import { FORM_PATH, startFormFixture } from "./form-fixture";

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

export const FIRST_STEP_BUDGET = 60 * 1024;
export const NEXT_STEP_BUDGET = 20 * 1024;
/** Citizen pages besides the form: no script may load on them. */
const CITIZEN_PAGES = ["/danh-gia/X1", "/cam-on", "/cong-khai", "/hien-thi", "/moi/hli_khong-co"];
/** Text that only these libraries' code contains: they belong on the server and in the console. */
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

interface Fetched {
  bytes: number;
  html: string;
}

/** One GET or POST as a phone sends it (brotli accepted); bytes = the body as sent on the wire. */
function fetchBody(url: string, post?: { body: string; origin: string }): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "accept-encoding": "br" };
    if (post) Object.assign(headers, { "content-type": "application/x-www-form-urlencoded", origin: post.origin });
    const req = http.request(url, { method: post ? "POST" : "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        if ((res.statusCode ?? 500) >= 500) return reject(new Error(`${res.statusCode} for ${url}`));
        const html = (res.headers["content-encoding"] === "br" ? brotliDecompressSync(raw) : raw).toString("utf8");
        resolve({ bytes: raw.length, html });
      });
    });
    req.on("error", reject);
    req.end(post?.body);
  });
}

const assetUrls = (html: string) => [
  ...[...html.matchAll(/<link[^>]+rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]),
];
const hasScript = (html: string) => /<script\b/.test(html);
const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&") ?? "";

async function citizenPages(): Promise<boolean> {
  const fixture = await startFormFixture();
  try {
    const form = await fetchBody(`${fixture.url}${FORM_PATH}`);
    let first = form.bytes;
    for (const asset of assetUrls(form.html)) first += (await fetchBody(new URL(asset, fixture.url).href)).bytes;
    const body = new URLSearchParams({ state: hidden(form.html, "state"), section: hidden(form.html, "section"), intent: "next" });
    const next = await fetchBody(`${fixture.url}${FORM_PATH}`, { body: body.toString(), origin: fixture.url });
    const rows: Array<[string, number, number | null, boolean]> = [
      ["form, first step (with CSS)", first, FIRST_STEP_BUDGET, hasScript(form.html)],
      ["form, next step", next.bytes, NEXT_STEP_BUDGET, hasScript(next.html)],
    ];
    for (const page of CITIZEN_PAGES) {
      const got = await fetchBody(`${fixture.url}${page}`);
      rows.push([page, got.bytes, null, hasScript(got.html)]);
    }
    let failed = false;
    console.log("citizen page".padEnd(32), "brotli".padStart(10), "budget".padStart(10));
    for (const [name, bytes, budget, script] of rows) {
      const over = budget !== null && bytes > budget;
      failed ||= over || script;
      const notes = [over ? "OVER BUDGET" : "", script ? "LOADS A SCRIPT" : ""].filter(Boolean).join("; ");
      console.log(name.padEnd(32), kb(bytes).padStart(10), (budget === null ? "—" : kb(budget)).padStart(10), notes);
    }
    console.log("Bodies as sent with Accept-Encoding: br (1 KB = 1024 bytes); headers are counted by the e2e test.");
    return !failed;
  } finally {
    await fixture.close();
  }
}

async function main() {
  const routes = process.argv.slice(2);
  if (!routes.length) {
    if (!(await citizenPages())) process.exit(1);
    return;
  }
  const { manifest, manifestUrl } = loadManifest();
  console.log("route".padEnd(44), "files".padStart(5), "raw".padStart(10), "gzip".padStart(10));
  for (const id of routes) {
    const size = measureRoute(manifest, manifestUrl, id);
    const notes = size.forbidden.length ? `contains ${size.forbidden.join(", ")}` : "";
    console.log(id.padEnd(44), String(size.files).padStart(5), kb(size.raw).padStart(10), kb(size.gzip).padStart(10), notes);
  }
}

await main();
