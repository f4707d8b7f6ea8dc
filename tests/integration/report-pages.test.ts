import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser } from "../../db/queries/credentials";
import { saveReportSetting } from "../../db/queries/report-settings";
import { getUnitByCode } from "../../db/queries/units";
import { hashPassword } from "../../app/server/passwords.server";
import type { Role } from "../../db/schema";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
const PASSWORD = "mật-khẩu-đủ-dài-2026";
const cookies: Record<string, string> = {};

async function addUser(username: string, role: Role, unitCode: string | null) {
  const unit = unitCode ? await getUnitByCode(app.t.db, unitCode) : undefined;
  await insertUser(app.t.db, { username, passwordHash: await hashPassword(PASSWORD), role, unitId: unit?.id ?? null }, new Date().toISOString());
  const res = await post("/login", { username, password: PASSWORD, redirectTo: "/quan-tri" });
  expect(res.status).toBe(302);
  cookies[username] = (res.headers.get("set-cookie") ?? "").split(";")[0];
}

function post(path: string, fields: Record<string, string>, cookie = "") {
  return fetch(`${app.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url, cookie },
    body: new URLSearchParams(fields).toString(),
  });
}
const page = (path: string, user: string) => fetch(`${app.url}${path}`, { headers: { cookie: cookies[user] }, redirect: "manual" });

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  const token = await createToken(app, "admin", null);
  for (const [unit, tc1] of [["X1", 5], ["X1", 4], ["X2", 2]] as const) {
    const r = await api(app, "/api/v1/responses", { method: "POST", token, json: { id: randomUUID(), survey: "sipas-2017", version: 1, unit, channel: "paper", submittedAt: "2026-03-02T09:00:00+07:00", answers: { tc1 } } });
    expect(r.status).toBe(201);
  }
  await addUser("quan-tri", "admin", null);
  await addUser("phan-tich-x2", "analyst", "X2");
  await addUser("thiet-ke", "designer", null);
});
afterAll(async () => app?.stop());

describe("report pages", () => {
  const pages = ["/quan-tri/bao-cao", "/quan-tri/bao-cao/yeu-to", "/quan-tri/bao-cao/don-vi", "/quan-tri/bao-cao/thu-tuc", "/quan-tri/bao-cao/in"];
  const q = "?period=quarter&year=2026&part=1";

  it.each(pages)("%s opens for report roles and shows the user's subtree only", async (path) => {
    const admin = await page(`${path}${q}`, "quan-tri");
    expect(admin.status).toBe(200);
    const html = await admin.text();
    if (path.endsWith("/in")) expect(html).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    if (path.endsWith("don-vi")) expect(html).toContain("Xã Hòa An");
    // Every report page offers the report document of its own filters.
    for (const ext of ["docx", "pdf"]) expect(html).toContain(`/api/v1/reports/report.${ext}?survey=sipas-2017&amp;from=2026-01-01&amp;to=2026-03-31`);
    const own = await page(`${path}${q}`, "phan-tich-x2");
    expect(own.status).toBe(200);
    expect(await own.text()).not.toContain("Xã Hòa An");
    expect((await page(`${path}${q}&unit=X1`, "phan-tich-x2")).status).toBe(403);
    expect((await page(`${path}${q}`, "thiet-ke")).status).toBe(403);
  });

  it("shows the index of the period in Vietnamese format, and 'no data' for an empty one", async () => {
    const html = await (await page(`/quan-tri/bao-cao${q}`, "quan-tri")).text();
    expect(html).toContain("66,67%"); // tc1: 5, 4, 2 → 2 of 3
    const empty = await (await page("/quan-tri/bao-cao?period=month&year=2025&part=1", "quan-tri")).text();
    expect(empty).toContain("Chưa có dữ liệu");
    expect((await page("/quan-tri/bao-cao?period=decade", "quan-tri")).status).toBe(400);
  });

  it("prints the NĐ 30/2020 frame from the root's report settings: defaults, then the saved ones", async () => {
    const q = "?period=quarter&year=2026&part=1";
    const before = await (await page(`/quan-tri/bao-cao/in${q}`, "quan-tri")).text();
    // Defaults built from the root "Tỉnh Thử Nghiệm", the same as the DOCX's.
    for (const text of ["UBND TỈNH THỬ NGHIỆM", "SỞ NỘI VỤ", "/BC-SNV", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:", "- UBND tỉnh (để báo cáo);", "- Lưu: VT;", "GIÁM ĐỐC"]) expect(before).toContain(text);
    expect(before).toMatch(/Thử Nghiệm, ngày \d{2} tháng \d{1,2} năm 20\d{2}/);
    const root = (await getUnitByCode(app.t.db, "T"))!;
    await saveReportSetting(app.t.db, { root_unit_id: root.id, parent_body: "", issuer: "Văn phòng UBND tỉnh", short_code: "VPUB", place: "Hòa Bình", signer_title: "Chánh Văn phòng", signer_name: "Trần Thị B", recipients: "Chủ tịch UBND tỉnh\nLưu: VT, KSTT", updated_at: new Date().toISOString(), updated_by: "test" });
    // An analyst of a unit inside the tree prints with the tree root's settings.
    for (const user of ["quan-tri", "phan-tich-x2"]) {
      const html = await (await page(`/quan-tri/bao-cao/in${q}`, user)).text();
      for (const text of ["VĂN PHÒNG UBND TỈNH", "/BC-VPUB", "Hòa Bình, ngày", "- Chủ tịch UBND tỉnh;", "- Lưu: VT, KSTT;", "CHÁNH VĂN PHÒNG", "Trần Thị B"]) expect(html).toContain(text);
      expect(html).not.toContain("UBND TỈNH THỬ NGHIỆM");
    }
  });
});

describe("targets page", () => {
  const path = "/quan-tri/chi-tieu";
  const csrfOf = async () => /name="csrf" value="([^"]+)"/.exec(await (await page(path, "quan-tri")).text())![1];
  const audits = async () => app.t.db.selectFrom("audit_log").selectAll().where("entity", "=", "target").orderBy("id").execute();

  it("is for admins only", async () => {
    expect((await page(path, "phan-tich-x2")).status).toBe(403);
    const html = await (await page(path, "quan-tri")).text();
    expect(html).toContain("QĐ 282/QĐ-TTg");
  });

  it("adds, edits and deletes targets, each with its audit row", async () => {
    const csrf = await csrfOf();
    const base = { csrf, year: "2027", scope: "unit", scopeKey: "X1", survey: "sipas-2017", value: "88.5", source: "Kế hoạch CCHC 2027" };
    expect((await post(path, { ...base, intent: "add" }, cookies["quan-tri"])).status).toBe(200);
    const row = await app.t.db.selectFrom("target").selectAll().where("year", "=", 2027).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ scope: "unit", scope_key: "X1", value: 88.5 });
    expect((await post(path, { ...base, intent: "edit", id: String(row.id), value: "90" }, cookies["quan-tri"])).status).toBe(200);
    expect((await app.t.db.selectFrom("target").select("value").where("id", "=", row.id).executeTakeFirstOrThrow()).value).toBe(90);
    expect((await post(path, { csrf, intent: "delete", id: String(row.id) }, cookies["quan-tri"])).status).toBe(200);
    expect(await app.t.db.selectFrom("target").select("id").where("id", "=", row.id).executeTakeFirst()).toBeUndefined();
    expect((await audits()).map((a) => a.action)).toEqual(["target.create", "target.update", "target.delete"]);
  });

  it("refuses bad input next to the field and changes nothing; refuses a missing CSRF token", async () => {
    const before = await app.t.db.selectFrom("target").select("id").execute();
    const csrf = await csrfOf();
    const bad = await post(path, { csrf, intent: "add", year: "2027", scope: "unit", scopeKey: "KHONG-CO", survey: "", value: "120", source: "" }, cookies["quan-tri"]);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Chỉ tiêu phải là số từ 0 đến 100");
    expect(html).toContain('aria-invalid="true"');
    const unknownUnit = await post(path, { csrf, intent: "add", year: "2027", scope: "unit", scopeKey: "KHONG-CO", survey: "", value: "90", source: "" }, cookies["quan-tri"]);
    expect(await unknownUnit.text()).toContain("Không có đơn vị này");
    expect((await post(path, { intent: "add", year: "2027", scope: "overall", value: "90" }, cookies["quan-tri"])).status).toBe(403);
    expect(await app.t.db.selectFrom("target").select("id").execute()).toEqual(before);
  });
});
