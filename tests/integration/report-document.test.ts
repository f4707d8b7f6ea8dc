import { randomUUID } from "node:crypto";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPercent } from "../../app/metrics/format";
import { offerServices } from "../../db/queries/services";
import { plannedAnswers, shippedDefinition } from "../support/citizen-form";
import { addUser, auditCount, getPage, postForm, signIn } from "../support/console";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// The report document over HTTP, per dialect: DOCX and PDF with the summary's parameters and
// rights, the numbers of the summary API in Vietnamese format, the no-data document, and the
// issuer settings edited in the console (audited) appearing on the document.

let app: TestApp;
let admin: string;
let analystX2: string;
const Q = "survey=sipas-2017&from=2026-03-01&to=2026-03-31";

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  admin = await createToken(app, "admin", null);
  analystX2 = await createToken(app, "analyst", "X2");
  const answers = [
    { tc1: 5, tc2: 4, tc5: 3, tc6: 4, "y-kien": "Cần thêm ghế, chờ lâu" },
    { tc1: 4, tc5: 2, tc6: 5 },
    { tc1: 3, tc2: 3, tc5: 4, tc6: 4, "y-kien": "Thủ tục còn rườm rà" },
    { tc1: 5, tc2: 5, tc6: 1 },
  ];
  const responses = [...answers.map((a) => ({ unit: "X1", service: "1.001612", answers: a })), { unit: "X2", service: null, answers: { tc1: 1, tc5: 1 } }].map((r, i) => ({
    id: randomUUID(),
    survey: "sipas-2017",
    version: 1,
    channel: "paper",
    submittedAt: `2026-03-0${i + 2}T09:00:00+07:00`,
    ...r,
  }));
  const r = await api(app, "/api/v1/responses/batch", { method: "POST", token: admin, json: { responses } });
  expect(r.status).toBe(200);
  await addUser(app, "quan-tri", "admin", null);
  await addUser(app, "quan-tri-x1", "admin", "X1");
  await addUser(app, "phan-tich", "analyst", null);
});
afterAll(async () => app?.stop());

const get = (path: string, token = admin) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

/** The words of a DOCX (word/document.xml without its tags) and its parts. */
async function docxText(res: Response) {
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const xml = await zip.file("word/document.xml")!.async("string");
  const text = xml.replace(/<w:p[ >]/g, "\n$&").replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&quot;/g, '"');
  return { text, zip, xml };
}

describe("report.docx and report.pdf", () => {
  it("write the summary's figures in Vietnamese format, with the NĐ 30 header, Times New Roman and two charts", async () => {
    const summary = (await api(app, `/api/v1/reports/summary?${Q}`, { token: admin })).body;
    const res = await get(`/api/v1/reports/report.docx?${Q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("wordprocessingml");
    expect(res.headers.get("content-disposition")).toContain(".docx");
    const { text, zip } = await docxText(res);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("tháng 3 năm 2026");
    expect(text).toContain(`Chỉ số hài lòng chung đạt ${formatPercent(summary.index)}`);
    for (const u of summary.units.filter((x: { index: number | null }) => x.index !== null)) expect(text).toContain(formatPercent(u.index));
    for (const e of summary.elements.filter((x: { index: number | null }) => x.index !== null)) expect(text).toContain(formatPercent(e.index));
    expect(text).toContain("Thời gian giải quyết, chờ đợi");
    expect(await zip.file("word/styles.xml")!.async("string")).toContain("Times New Roman");
    expect(Object.keys(zip.files).filter((f) => f.startsWith("word/media/") && f.endsWith(".png"))).toHaveLength(2);

    const pdf = await get(`/api/v1/reports/report.pdf?${Q}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    // The font travels inside the file: Tinos subsets, embedded as TrueType font files.
    expect(bytes.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos/);
    expect(bytes.toString("latin1")).toContain("/FontFile2");
  });

  it("says there is no data for a period without responses (never 0%)", async () => {
    const { text } = await docxText(await get("/api/v1/reports/report.docx?survey=sipas-2017&from=2025-01-01&to=2025-12-31"));
    expect(text).toContain("chưa có phiếu khảo sát nào");
    expect(text).toContain("năm 2025");
    expect(text).not.toMatch(/\d%/);
    expect((await get("/api/v1/reports/report.pdf?survey=sipas-2017&from=2025-01-01&to=2025-12-31")).status).toBe(200);
  });

  it("keeps to the caller's subtree and answers bad input with the API error shape", async () => {
    expect((await get(`/api/v1/reports/report.docx?${Q}&unit=X1`, analystX2)).status).toBe(403);
    const own = await docxText(await get(`/api/v1/reports/report.docx?${Q}`, analystX2));
    expect(own.text).toContain("Phường Đông Hà");
    const bad = await get("/api/v1/reports/report.pdf?survey=sipas-2017&from=2026-04-01&to=2026-03-01");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid");
    expect((await fetch(`${app.url}/api/v1/reports/report.docx?${Q}`)).status).toBe(401);
  });
});

describe("issuer settings", () => {
  const fields = { root: "T", parentBody: "UBND tỉnh Thử Nghiệm", issuer: "Sở Nội vụ", shortCode: "SNV", place: "Hòa An", signerTitle: "Giám đốc", signerName: "Trần Thị Bình", recipients: "UBND tỉnh (để báo cáo)\nCác sở, ban, ngành\nLưu: VT, CCHC" };

  it("are edited by an administrator of the root, audited, and printed on the document", async () => {
    const s = await signIn(app, "quan-tri");
    const form = await getPage(app, "/quan-tri/van-ban-bao-cao", s.cookie);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("Tỉnh Thử Nghiệm");
    const before = await auditCount(app);
    const saved = await postForm(app, "/quan-tri/van-ban-bao-cao", { ...fields, csrf: s.csrf }, s.cookie);
    expect(saved.status).toBe(200);
    expect(await auditCount(app)).toBe(before + 1);
    const audit = await app.t.db.selectFrom("audit_log").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(audit.actor).toMatch(/^user:\d+$/);
    expect(audit).toMatchObject({ action: "report-setting.save", entity: "unit", entity_id: "T" });
    const { text } = await docxText(await get(`/api/v1/reports/report.docx?${Q}`));
    for (const s of ["UBND TỈNH THỬ NGHIỆM", "/BC-SNV", "Hòa An, ngày", "Trần Thị Bình", "- Các sở, ban, ngành;"]) expect(text).toContain(s);
  });

  it("reject bad fields without a change, and stay closed to other roles and other roots", async () => {
    const s = await signIn(app, "quan-tri");
    const before = await auditCount(app);
    const bad = await postForm(app, "/quan-tri/van-ban-bao-cao", { ...fields, shortCode: "S N V", issuer: "", csrf: s.csrf }, s.cookie);
    expect(bad.status).toBe(400);
    expect(await auditCount(app)).toBe(before);
    const noCsrf = await postForm(app, "/quan-tri/van-ban-bao-cao", { ...fields, csrf: "x" }, s.cookie);
    expect(noCsrf.status).toBe(403);
    const x1 = await signIn(app, "quan-tri-x1");
    expect((await postForm(app, "/quan-tri/van-ban-bao-cao", { ...fields, csrf: x1.csrf }, x1.cookie)).status).toBe(403);
    const analyst = await signIn(app, "phan-tich");
    expect((await getPage(app, "/quan-tri/van-ban-bao-cao", analyst.cookie)).status).toBe(403);
    expect(await auditCount(app)).toBe(before);
  });
});

describe("a survey round's document", () => {
  const sipas = shippedDefinition("sipas-2017");
  const items = sipas.sections.filter((s) => s.element).flatMap((s) => s.questions.filter((q) => q.type === "scale5").map((q) => q.id));
  let round = 0;
  const R = () => `survey=sipas-2017&round=${round}`;

  it("prints the round's summary (design-weighted, as the API), its name, window and sample design", async () => {
    const service = await app.t.db.selectFrom("service").select("id").where("code", "=", "1.001612").executeTakeFirstOrThrow();
    const x2 = await app.t.db.selectFrom("unit").select("id").where("code", "=", "X2").executeTakeFirstOrThrow();
    await offerServices(app.t.db, x2.id, [service.id]);
    const created = await api(app, "/api/v1/rounds", { method: "POST", token: admin, json: { name: "Đợt Thử 2026", survey: "sipas-2017", unit: "T", from: "2026-01-01", to: "2026-06-30", margin: 0.1, seed: "thu" } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    round = created.body.id;
    // 20 dossiers in X1 and 10 in X2, each of another person: n = ceil(N / (1 + N·0.01)) draws 17 and 10.
    const rows = [...Array.from({ length: 20 }, (_, i) => ["X1", i]), ...Array.from({ length: 10 }, (_, i) => ["X2", 20 + i])];
    const csv = "dossier,unit,service,completedAt,phone\n" + rows.map(([u, i]) => `HS-${i},${u},1.001612,2026-02-1${Number(i) % 10},09${String(i).padStart(8, "0")}`).join("\n");
    expect((await api(app, `/api/v1/rounds/${round}/frame`, { method: "POST", token: admin, body: csv, headers: { "content-type": "text/csv" } })).status).toBe(200);
    const draw = await api(app, `/api/v1/rounds/${round}/draw`, { method: "POST", token: admin });
    expect(draw.status, JSON.stringify(draw.body)).toBe(200);
    expect(draw.body.drawn).toBe(27);
    const sample = await (await get(`/api/v1/rounds/${round}/sample.csv`)).text();
    const drawn = sample.replace(/^\uFEFF/, "").trim().split("\r\n").slice(1).map((l) => l.split(","));
    const x1 = drawn.filter((d) => d[2] === "X1").slice(0, 4);
    const x2s = drawn.filter((d) => d[2] === "X2").slice(0, 3);
    for (const [i, [code, , unit]] of [...x1, ...x2s].entries()) {
      const answers = { ...plannedAnswers(sipas), ...Object.fromEntries(items.map((id, k) => [id, unit === "X1" ? 4 + ((i + k) % 2) : 1 + ((i + k) % 4)])) };
      const r = await api(app, "/api/v1/responses", { method: "POST", token: admin, json: { id: randomUUID(), code, channel: "paper", unit, answers } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }

    const summary = (await api(app, `/api/v1/reports/summary?${R()}`, { token: admin })).body;
    expect(summary.weighting).toBe("design");
    const { text } = await docxText(await get(`/api/v1/reports/report.docx?${R()}`));
    expect(text).toContain("Đợt Thử 2026");
    expect(text).toContain("từ ngày 01/01/2026 đến ngày 30/06/2026");
    expect(text).toContain(`Chỉ số hài lòng chung đạt ${formatPercent(summary.index)}`);
    expect(formatPercent(summary.index)).toMatch(/^\d+,\d\d%$/);
    expect(text).toContain("2 tầng; tổng số hồ sơ trong khung mẫu (N): 30; số hồ sơ được chọn: 27; số người trả lời: 7; tỷ lệ phản hồi: 25,93%");
    expect(text).toContain("gia quyền theo cơ cấu mẫu chọn");

    const plain = (await api(app, `/api/v1/reports/summary?${R()}&weighting=none`, { token: admin })).body;
    expect(plain.index).not.toBe(summary.index);
    const none = await docxText(await get(`/api/v1/reports/report.docx?${R()}&weighting=none`));
    expect(none.text).toContain(`Chỉ số hài lòng chung đạt ${formatPercent(plain.index)}`);
    expect(none.text).toContain("không gia quyền");
    const pdf = await get(`/api/v1/reports/report.pdf?${R()}`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("has the summary's rights and errors", async () => {
    for (const path of [`report.docx?${R()}`, `report.pdf?${R()}`, `report.docx?${R()}&unit=X1`]) {
      const summary = await api(app, `/api/v1/reports/summary?${path.split("?")[1]}`, { token: analystX2 });
      expect(summary.status).toBeGreaterThanOrEqual(403);
      expect((await get(`/api/v1/reports/${path}`, analystX2)).status).toBe(summary.status);
    }
    expect((await get(`/api/v1/reports/report.docx?${R()}&weighting=x`)).status).toBe(400);
    expect((await get("/api/v1/reports/report.docx?survey=sipas-2017&round=99999")).status).toBe(400);
    expect((await fetch(`${app.url}/api/v1/reports/report.docx?${R()}`)).status).toBe(401);
  });
});
