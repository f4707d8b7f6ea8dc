import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { rowPages } from "../../db/queries/report-rows";
import type { Db } from "../../db/index";
import { formatDate } from "~/metrics/format";
import { codebookRows } from "~/survey/codebook";
import { checkCount, exportSource, rowHeader, rowLabels, rowValues } from "./export.server";
import { buildSummary, type SummaryQuery } from "./report.server";
import type { ReportAccess } from "./report-scope.server";
import { changePoints, periodBefore } from "~/metrics/period-before";

/**
 * Above this many responses the raw sheet points to the CSV: exceljs buffers a sheet's XML
 * while it compresses (no backpressure), ~1.7 kB a row (docs/decisions/004-intervals.md).
 */
export const XLSX_RAW_LIMIT = 50_000;

const PCT = "0.00%";
const pct = (v: number | null | undefined) => (v === null || v === undefined ? null : v / 100);
/** "ít mẫu": fewer than 30 respondents or valid answers behind a part (issue 13.8). */
const thin = (p: { smallSample: boolean }) => (p.smallSample ? "Có" : "Không");
const bold = { font: { bold: true } };

type Sheet = ExcelJS.Worksheet;

function table(ws: Sheet, headers: string[], rows: Array<Array<string | number | null>>, percentCols: number[]) {
  const header = ws.addRow(headers);
  header.font = { bold: true };
  header.commit();
  for (const r of rows) {
    const row = ws.addRow(r);
    for (const c of percentCols) row.getCell(c).numFmt = PCT;
    row.commit();
  }
}

/**
 * Lets the zip writer and the download catch up with the rows written so far: without it a
 * fast database outruns compression and the whole sheet waits in memory.
 */
async function caughtUp(out: PassThrough): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (out.writableNeedDrain) await once(out, "drain");
}

/**
 * The report workbook: summary (with a title block), unit ranking, services, elements and
 * items, raw anonymized responses and the codebook. Written by exceljs' streaming writer, so
 * raw rows never sit in memory; a row-count mismatch aborts the download.
 */
export async function xlsxExport(db: Db, query: SummaryQuery, access: ReportAccess): Promise<Response> {
  const src = await exportSource(db, query, access);
  const summary = await buildSummary(db, query, access, { unitIntervals: true, counter: false });
  // The ranking sheet carries the screen's change column: against the period of equal length before.
  const before = await buildSummary(db, { ...query, ...periodBefore(query.from, query.to) }, access, { intervals: false, counter: false });
  const prevIndex = new Map(before.units.map((u) => [u.code, u.index]));
  const pass = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useStyles: true, useSharedStrings: false });
  wb.creator = "Hài Lòng";
  const frozen = (name: string, ySplit = 1) => wb.addWorksheet(name, { views: [{ state: "frozen", ySplit }] });
  const titles = new Map(src.model.aspects.flatMap((a) => [[a.id, a.title.vi] as const, ...a.elements.map((e) => [e.id, e.title.vi] as const)]));
  const labels = new Map(src.definition.sections.flatMap((s) => s.questions.map((q) => [q.id, q.label.vi] as const)));

  async function write() {
    const block: Array<[string, string]> = [
      ["Đơn vị", `${src.unit.name} (${src.unit.code})${summary.scope.service ? ` — thủ tục ${summary.scope.service}` : ""}`],
      ["Phiếu khảo sát", `${src.version.title_vi} (${src.version.slug}, phiên bản ${src.version.version})`],
      ["Kỳ báo cáo", `${formatDate(query.from)} – ${formatDate(query.to)}${query.channel ? `, kênh ${query.channel}` : ""}`],
      ["Phương pháp", `Tỷ lệ hài lòng (mức 4–5) theo SIPAS; gộp tiêu chí: ${summary.method.aggregation}; đơn vị cha: ${summary.method.parentAggregation}; khoảng tin cậy 95%: Wilson (tiêu chí), bootstrap theo người trả lời (chỉ số tổng hợp)`],
      ["Đơn vị theo", summary.scope.mapping === "current" ? "Quy về đơn vị hiện nay (sau sắp xếp)" : "Như tại thời điểm khảo sát"],
    ];
    const ws = frozen("Tổng hợp", block.length + 3);
    const title = ws.addRow(["BÁO CÁO KẾT QUẢ KHẢO SÁT SỰ HÀI LÒNG"]);
    title.font = { bold: true, size: 14 };
    title.commit();
    for (const [k, v] of block) {
      const r = ws.addRow([k, v]);
      r.getCell(1).font = bold.font;
      r.commit();
    }
    ws.addRow([]).commit();
    table(ws, ["Chỉ số hài lòng", "Cận dưới 95%", "Cận trên 95%", "Số phiếu", "Chỉ tiêu", "Đạt chỉ tiêu", "Ít mẫu (< 30)"], [
      [pct(summary.index), pct(summary.ci95?.[0]), pct(summary.ci95?.[1]), summary.n, pct(summary.target), summary.meetsTarget === null ? "—" : summary.meetsTarget ? "Đạt" : "Chưa đạt", summary.smallSample ? "Có" : "Không"],
    ], [1, 2, 3, 5]);
    ws.columns.forEach((c) => (c.width = 22));
    ws.commit();

    const units = frozen("Xếp hạng đơn vị");
    table(units, ["Hạng", "Mã đơn vị", "Tên đơn vị", "Chỉ số hài lòng", "Cận dưới 95%", "Cận trên 95%", "Số phiếu", "Thay đổi (điểm %)", "Chỉ tiêu", "Đạt chỉ tiêu", "Ít mẫu"],
      summary.units.map((u) => [
        u.rank, u.code, u.name, pct(u.index), pct(u.ci95?.[0]), pct(u.ci95?.[1]), u.n,
        changePoints(u.smallSample, u.index, prevIndex.get(u.code)), pct(u.target),
        u.meetsTarget === null ? "—" : u.meetsTarget ? "Đạt" : "Chưa đạt", u.smallSample ? "Có" : "Không",
      ]), [4, 5, 6, 9]);
    units.commit();

    const services = frozen("Thủ tục");
    table(services, ["Hạng", "Mã thủ tục", "Tên thủ tục", "Chỉ số hài lòng", "Số phiếu", "Ít mẫu"],
      summary.services.map((s) => [s.rank, s.code, s.name, pct(s.index), s.n, s.smallSample ? "Có" : "Không"]), [4]);
    services.commit();

    const elements = frozen("Yếu tố và tiêu chí");
    table(elements, ["Cấp", "Mã", "Nội dung", "Chỉ số hài lòng", "Cận dưới 95%", "Cận trên 95%", "Số người trả lời / hợp lệ", "Hài lòng", "Mức 1", "Mức 2", "Mức 3", "Mức 4", "Mức 5", "Ít mẫu (< 30)"], [
      ...summary.aspects.map((a) => ["Khía cạnh", a.id, titles.get(a.id) ?? a.id, pct(a.index), pct(a.ci95?.[0]), pct(a.ci95?.[1]), a.n, null, null, null, null, null, null, thin(a)]),
      ...summary.elements.map((e) => ["Yếu tố", e.id, titles.get(e.id) ?? e.id, pct(e.index), pct(e.ci95?.[0]), pct(e.ci95?.[1]), e.n, null, null, null, null, null, null, thin(e)]),
      ...summary.items.map((i) => ["Tiêu chí", i.id, labels.get(i.id) ?? i.id, pct(i.index), pct(i.ci95?.[0]), pct(i.ci95?.[1]), i.valid, i.satisfied, ...([1, 2, 3, 4, 5] as const).map((c) => i.distribution[c]), thin(i)]),
    ], [4, 5, 6]);
    elements.commit();

    const raw = frozen("Phiếu trả lời", 2);
    if (src.expected > XLSX_RAW_LIMIT) {
      raw.addRow([`${src.expected} phiếu: quá nhiều cho một trang tính — dùng tệp CSV (export.csv) với cùng tham số.`]).commit();
    } else {
      raw.addRow(rowHeader(src.columns)).commit();
      // Codes for software, then the Vietnamese labels for people (the CSV keeps codes + codebook).
      const labelRow = raw.addRow(rowLabels(src.columns));
      labelRow.font = { italic: true };
      labelRow.commit();
      let written = 0;
      for await (const page of rowPages(db, src.scope, src.range)) {
        for (const r of page) raw.addRow(rowValues(r, src.columns)).commit();
        written += page.length;
        await caughtUp(pass);
      }
      checkCount(written, src.expected);
    }
    raw.commit();

    const codebook = frozen("Bảng mã");
    table(codebook, ["Mã câu hỏi", "Loại", "Phần", "Mã trả lời", "Nội dung"], codebookRows(src.definition), []);
    codebook.commit();
    await wb.commit();
  }
  write().catch((error: unknown) => pass.destroy(error instanceof Error ? error : new Error(String(error))));
  return new Response(Readable.toWeb(pass) as ReadableStream, {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="bao-cao-${src.version.slug}-${query.from}-${query.to}.xlsx"`,
      "cache-control": "no-store",
    },
  });
}
