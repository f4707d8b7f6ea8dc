import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertUnit } from "../../db/queries/units";
import { formatPercent } from "../../app/metrics/format";
import { dialect } from "../support/test-db";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Proof that real office software opens the documents: LibreOffice (headless, its own
// profile) converts the report DOCX to PDF and to text and the XLSX export to CSV; poppler's
// pdftotext reads both PDFs. The numbers read back must be the summary API's at the printed
// precision. 213 units make the ranking table run over several pages, its header on each.
// Few soffice starts (each costs seconds), and only on SQLite: the files come from the API,
// whose figures the PostgreSQL run checks elsewhere.

const UNITS = 210;
const Q = "survey=sipas-2017&from=2026-03-01&to=2026-03-31";
let app: TestApp;
let admin: string;
let dir: string;

const soffice = (args: string[]) =>
  execFileSync("soffice", [`-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`, "--headless", ...args], { cwd: dir, stdio: "pipe", timeout: 180_000 });
const pdfPages = (file: string) => execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim());

beforeAll(async () => {
  if (dialect() !== "sqlite") return;
  dir = mkdtempSync(path.join(tmpdir(), "hl-office-"));
  app = await startTestApp();
  await seedSmallProvince(app);
  const now = new Date().toISOString();
  await app.t.db.transaction().execute(async (trx) => {
    for (let i = 1; i <= UNITS; i++) await upsertUnit(trx, { code: `XA${i}`, name: `Xã Số ${i}`, level: "xa", parentCode: "T" }, now);
  });
  admin = await createToken(app, "admin", null);
  // 30 respondents in X1 (ranked), a few in X2 and in some communes (small samples).
  const responses = [
    ...Array.from({ length: 30 }, (_, i) => ({ unit: "X1", answers: { tc1: 3 + (i % 3), tc2: 2 + (i % 4), tc5: 4, tc6: 5 - (i % 2) } })),
    ...Array.from({ length: 12 }, (_, i) => ({ unit: i < 4 ? "X2" : `XA${i}`, answers: { tc1: 1 + (i % 5), tc5: 2 + (i % 4) } })),
  ].map((r, i) => ({ id: randomUUID(), survey: "sipas-2017", version: 1, channel: "paper", service: null, submittedAt: `2026-03-${String(2 + (i % 20)).padStart(2, "0")}T09:00:00+07:00`, ...r }));
  expect((await api(app, "/api/v1/responses/batch", { method: "POST", token: admin, json: { responses } })).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function download(name: string, url: string) {
  const res = await fetch(`${app.url}${url}`, { headers: { authorization: `Bearer ${admin}` } });
  expect(res.status).toBe(200);
  writeFileSync(path.join(dir, name), Buffer.from(await res.arrayBuffer()));
}

describe.skipIf(dialect() !== "sqlite")("office software reads the documents back", () => {
  it("LibreOffice and pdftotext read the API's numbers from the DOCX, the PDF and the XLSX; the ranking header repeats on every page", async () => {
    const summary = (await api(app, `/api/v1/reports/summary?${Q}`, { token: admin })).body;
    await download("bao-cao.docx", `/api/v1/reports/report.docx?${Q}`);
    await download("bao-cao.pdf", `/api/v1/reports/report.pdf?${Q}`);
    await download("xuat.xlsx", `/api/v1/reports/export.xlsx?${Q}`);
    mkdirSync(path.join(dir, "lo"));
    soffice(["--convert-to", "pdf", "--outdir", "lo", "bao-cao.docx"]);
    soffice(["--convert-to", "txt:Text (encoded):UTF8", "--outdir", "lo", "bao-cao.docx"]);
    // CSV of every sheet (token 12 = -1), values as shown: "83.74%" in LibreOffice's en-US default.
    soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", "lo", "xuat.xlsx"]);

    const ranked = summary.units.filter((u: { index: number | null }) => u.index !== null);
    expect(ranked.length).toBeGreaterThan(5);
    const expected = [formatPercent(summary.index), ...summary.elements.flatMap((e: { index: number | null }) => (e.index === null ? [] : [formatPercent(e.index)])), ...ranked.map((u: { index: number }) => formatPercent(u.index))];

    // DOCX as LibreOffice reads it: text, and its own PDF rendering.
    const text = readFileSync(path.join(dir, "lo", "bao-cao.txt"), "utf8");
    expect(text).toContain(`Chỉ số hài lòng chung đạt ${formatPercent(summary.index)}`);
    for (const value of expected) expect(text).toContain(value);
    for (const [name, file] of [["LibreOffice's PDF of the DOCX", path.join(dir, "lo", "bao-cao.pdf")], ["the API's PDF", path.join(dir, "bao-cao.pdf")]] as const) {
      const pages = pdfPages(file);
      const all = pages.join("\n");
      for (const value of expected) expect(all, name).toContain(value);
      expect(all, name).toContain(`Xã Số ${UNITS}`);
      // Every page holding ranking rows ("Xã Số …") also has the table's header.
      const rankingPages = pages.filter((p) => /Xã Số \d+/.test(p));
      expect(rankingPages.length, name).toBeGreaterThan(2);
      for (const p of rankingPages) expect(p, name).toContain("Cơ quan, đơn vị");
    }

    // XLSX export as LibreOffice Calc reads it.
    const csvs = readdirSync(path.join(dir, "lo")).filter((f) => f.endsWith(".csv"));
    const csv = (sheet: string) => readFileSync(path.join(dir, "lo", csvs.find((f) => f.includes(sheet))!), "utf8");
    expect(csvs.length).toBeGreaterThanOrEqual(4);
    expect(csv("Tổng hợp")).toContain(formatPercent(summary.index, "en"));
    const units = csv("Xếp hạng");
    for (const u of ranked) expect(units).toContain(formatPercent(u.index, "en"));
  }, 300_000);
});
