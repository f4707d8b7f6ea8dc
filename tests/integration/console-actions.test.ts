import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, auditCount, getPage, postForm, signIn, type Session } from "../support/console";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Every mutating action of the console writes its audit row (in the same transaction), and
// a post without the right CSRF token changes nothing.

let app: TestApp;
let admin: Session;
let apiToken: string;

function upload(fields: Record<string, string>, file: { name: string; content: string | Uint8Array }): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new Blob([file.content as BlobPart]), file.name);
  return form;
}

async function lastAudit() {
  return app.t.db.selectFrom("audit_log").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
}

/** Performs one action and checks it left exactly the audit rows named. */
async function audited(actions: string[], perform: () => Promise<Response>, status = [200, 302]) {
  const before = await auditCount(app);
  const res = await perform();
  expect(status, `status ${res.status} for ${actions.join(",")}`).toContain(res.status);
  const rows = await app.t.db.selectFrom("audit_log").select(["action", "actor"]).orderBy("id", "desc").limit(actions.length).execute();
  expect(await auditCount(app)).toBe(before + actions.length);
  expect(rows.map((r) => r.action).reverse()).toEqual(actions);
  return res;
}

async function postResponse(unit: string, answers: Record<string, unknown>) {
  const id = randomUUID();
  const r = await api(app, "/api/v1/responses", { method: "POST", token: apiToken, json: { id, survey: "sipas-2017", unit, channel: "paper", submittedAt: "2026-03-02T09:00:00+07:00", answers } });
  expect(r.status).toBe(201);
  return id;
}

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  await addUser(app, "admin", "admin", null);
  await addUser(app, "ql-x1", "unit-manager", "X1");
  admin = await signIn(app, "admin");
  apiToken = await createToken(app, "admin", null);
});
afterAll(async () => app?.stop());

describe("console actions", () => {
  it("refuses a missing or wrong CSRF token with 403 and changes nothing", async () => {
    const before = await app.t.db.selectFrom("app_user").select("id").execute();
    const audits = await auditCount(app);
    const fields = { op: "", username: "ke-gia-mao", role: "admin", unit: "", password: "mat-khau-rat-dai-1", password2: "mat-khau-rat-dai-1" };
    expect((await postForm(app, "/quan-tri/nguoi-dung", fields, admin.cookie)).status).toBe(403);
    expect((await postForm(app, "/quan-tri/nguoi-dung", { ...fields, csrf: `${admin.csrf.slice(0, -2)}xx` }, admin.cookie)).status).toBe(403);
    expect((await postForm(app, "/quan-tri/don-vi", { op: "create", code: "X9", name: "Xã Mới", level: "xa", parent: "T", csrf: "sai" }, admin.cookie)).status).toBe(403);
    expect(await app.t.db.selectFrom("app_user").select("id").execute()).toEqual(before);
    expect(await auditCount(app)).toBe(audits);
  });

  it("refuses oversized and mistyped uploads without changing anything", async () => {
    const audits = await auditCount(app);
    const big = upload({ csrf: admin.csrf, op: "preview" }, { name: "lớn.csv", content: new Uint8Array(6 * 1024 * 1024).fill(65) }); // above the 5 MB the reader takes
    expect((await postForm(app, "/quan-tri/nhap/don-vi", big, admin.cookie)).status).toBe(413);
    const xls = upload({ csrf: admin.csrf, op: "preview" }, { name: "đơn vị.csv", content: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
    const res = await postForm(app, "/quan-tri/nhap/don-vi", xls, admin.cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Tệp phải là CSV (UTF-8) hoặc XLSX");
    expect(await auditCount(app)).toBe(audits);
  });

  it("audits people: create, role, disable (ends sessions), enable, reset, own password change", async () => {
    const fields = { csrf: admin.csrf, username: "nguyen.van.a", role: "analyst", unit: "X2", password: "mật-khẩu-mới-đủ-dài", password2: "mật-khẩu-mới-đủ-dài" };
    const created = await audited(["user.create"], () => postForm(app, "/quan-tri/nguoi-dung", fields, admin.cookie));
    const path = created.headers.get("location")!;
    const row = await app.t.db.selectFrom("app_user").selectAll().where("username", "=", "nguyen.van.a").executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith("$argon2id$")).toBe(true);
    const analyst = await signIn(app, "nguyen.van.a", "mật-khẩu-mới-đủ-dài");
    await audited(["user.role"], () => postForm(app, path, { csrf: admin.csrf, op: "role", role: "unit-manager", unit: "X2" }, admin.cookie));
    await audited(["user.disable"], () => postForm(app, path, { csrf: admin.csrf, op: "disable" }, admin.cookie));
    expect((await getPage(app, "/quan-tri", analyst.cookie)).status).toBe(302);
    await audited(["user.enable"], () => postForm(app, path, { csrf: admin.csrf, op: "enable" }, admin.cookie));
    await audited(["user.password-reset"], () => postForm(app, path, { csrf: admin.csrf, op: "password", password: "mật-khẩu-thứ-ba-dài", password2: "mật-khẩu-thứ-ba-dài" }, admin.cookie));
    const manager = await signIn(app, "nguyen.van.a", "mật-khẩu-thứ-ba-dài");
    const other = await signIn(app, "nguyen.van.a", "mật-khẩu-thứ-ba-dài");
    const bad = await postForm(app, "/quan-tri/mat-khau", { csrf: manager.csrf, current: "mật-khẩu-thứ-ba-dài", password: "ngắn", password2: "ngắn" }, manager.cookie);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Mật khẩu phải dài ít nhất 10 ký tự");
    const changed = await audited(["user.password-change"], () =>
      postForm(app, "/quan-tri/mat-khau", { csrf: manager.csrf, current: "mật-khẩu-thứ-ba-dài", password: "mật-khẩu-thứ-tư-dài", password2: "mật-khẩu-thứ-tư-dài" }, manager.cookie),
    );
    const fresh = (changed.headers.get("set-cookie") ?? "").split(";")[0];
    expect((await getPage(app, "/quan-tri", fresh)).status).toBe(200);
    expect((await getPage(app, "/quan-tri", other.cookie)).status).toBe(302);
  });

  it("audits questionnaires: new, import, save, publish, copy, retire, discard", async () => {
    const created = await audited(["survey.draft.create"], () => postForm(app, "/quan-tri/phieu", { csrf: admin.csrf, op: "new", slug: "phieu-moi", titleVi: "Phiếu mới", titleEn: "New form" }, admin.cookie));
    const draft = created.headers.get("location")!;
    const doc = { schemaVersion: 1, slug: "phieu-moi", title: { vi: "Phiếu mới", en: "New form" }, sections: [{ id: "chung", title: { vi: "Chung", en: "General" }, questions: [{ id: "hai-long", type: "smiley", levels: 5, label: { vi: "Ông/Bà hài lòng không?", en: "Satisfied?" } }] }] };
    await audited(["survey.draft.import"], () => postForm(app, "/quan-tri/phieu", upload({ csrf: admin.csrf, op: "import" }, { name: "phiếu.json", content: JSON.stringify(doc) }), admin.cookie));
    await audited(["survey.draft.save"], () => postForm(app, draft, { csrf: admin.csrf, op: "add-question:0", schemaVersion: "1", slug: "phieu-moi", "title.vi": "Phiếu mới", "title.en": "New form", "sections.0.id": "chung", "sections.0.title.vi": "Chung", "sections.0.title.en": "General", "sections.0.questions.0.id": "hai-long", "sections.0.questions.0.type": "yesno", "sections.0.questions.0.label.vi": "Hài lòng?", "sections.0.questions.0.label.en": "Satisfied?" }, admin.cookie));
    const published = await audited(["survey.draft.save", "survey.publish", "survey.draft.publish"], () =>
      postForm(app, draft, { csrf: admin.csrf, op: "publish", schemaVersion: "1", slug: "phieu-moi", "title.vi": "Phiếu mới", "title.en": "New form", "sections.0.id": "chung", "sections.0.title.vi": "Chung", "sections.0.title.en": "General", "sections.0.questions.0.id": "hai-long", "sections.0.questions.0.type": "yesno", "sections.0.questions.0.label.vi": "Ông/Bà hài lòng không?", "sections.0.questions.0.label.en": "Satisfied?" }, admin.cookie),
    );
    const v1 = published.headers.get("location")!;
    const copy = await audited(["survey.draft.copy"], () => postForm(app, v1, { csrf: admin.csrf, op: "copy" }, admin.cookie));
    await audited(["survey.retire"], () => postForm(app, v1, { csrf: admin.csrf, op: "retire" }, admin.cookie));
    await audited(["survey.draft.discard"], () => postForm(app, copy.headers.get("location")!, { csrf: admin.csrf, op: "discard" }, admin.cookie));
  });

  it("audits organisation: units, reorganization, services, imports, dossier counts, tokens", async () => {
    await audited(["unit.create"], () => postForm(app, "/quan-tri/don-vi", { csrf: admin.csrf, op: "create", code: "X3", name: "Xã Tân Lập", level: "xa", parent: "T" }, admin.cookie));
    await audited(["unit.update"], () => postForm(app, "/quan-tri/don-vi/X3", { csrf: admin.csrf, op: "update", name: "Xã Tân Lập Mới", level: "xa", parent: "T" }, admin.cookie));
    await audited(["unit.services"], () => postForm(app, "/quan-tri/don-vi/X3", { csrf: admin.csrf, op: "services", services: ["1.001612", "1.001193"] }, admin.cookie));
    await audited(["unit.close"], () => postForm(app, "/quan-tri/don-vi", { csrf: admin.csrf, op: "reorganize", code: "X3", successor: "X1", effectiveDate: "2026-07-01" }, admin.cookie));
    const closed = await app.t.db.selectFrom("unit").select(["valid_to", "successor_id"]).where("code", "=", "X3").executeTakeFirstOrThrow();
    expect(closed.valid_to).toBe("2026-07-01");
    await audited(["service.create"], () => postForm(app, "/quan-tri/thu-tuc", { csrf: admin.csrf, op: "save", code: "2.000001", name: "Chứng thực bản sao", field: "Chứng thực", level: "xa" }, admin.cookie));
    // A row the shared import rejects (unknown level): the reason is shown, no commit button, nothing written.
    const bad = await postForm(app, "/quan-tri/nhap/don-vi", upload({ csrf: admin.csrf, op: "preview" }, { name: "sai.csv", content: "code,name,parent,level\nX6,Thôn Sáu,T,thon\n" }), admin.cookie);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Cấp &quot;thon&quot; không hợp lệ");
    expect(badHtml).not.toContain('name="content"');
    expect(await app.t.db.selectFrom("unit").select("id").where("code", "=", "X6").executeTakeFirst()).toBeUndefined();
    const units = "code;name;parent;level\nX4;Xã Phú Mỹ;T;xa\nX5;\"Tổ dân phố Đồng, Bắc\";X4;to-chuc-khac\n";
    const preview = await postForm(app, "/quan-tri/nhap/don-vi", upload({ csrf: admin.csrf, op: "preview" }, { name: "đơn vị.csv", content: units }), admin.cookie);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("đơn vị.csv");
    expect(await app.t.db.selectFrom("unit").select("id").where("code", "=", "X4").executeTakeFirst()).toBeUndefined();
    // The commit step sends back the bytes the preview read; they are read and checked again.
    const content = /name="content" value="([A-Za-z0-9_-]+)"/.exec(html)![1];
    expect(Buffer.from(content, "base64url").toString("utf8")).toBe(units);
    await audited(["unit.import"], () => postForm(app, "/quan-tri/nhap/don-vi", { csrf: admin.csrf, op: "commit", content, fileName: "đơn vị.csv" }, admin.cookie));
    expect((await app.t.db.selectFrom("unit").select("name").where("code", "=", "X5").executeTakeFirstOrThrow()).name).toBe("Tổ dân phố Đồng, Bắc");
    const echo = (csv: string) => Buffer.from(csv).toString("base64url");
    await audited(["service.import"], () => postForm(app, "/quan-tri/nhap/thu-tuc", { csrf: admin.csrf, op: "commit", content: echo("code,name,field,level\n2.000002,Đăng ký kết hôn,Hộ tịch,xa\n") }, admin.cookie));
    const dossiers = "unit,service,month,count\nX1,1.001612,2026-03,120\n";
    const dossierPreview = await postForm(app, "/quan-tri/nhap/so-ho-so", upload({ csrf: admin.csrf, op: "preview" }, { name: "hồ sơ.csv", content: `${dossiers}X1,9.999999,2026-13,-1\n` }), admin.cookie);
    expect(await dossierPreview.text()).toContain("Tháng &quot;2026-13&quot; phải theo dạng yyyy-mm");
    const refused = await postForm(app, "/quan-tri/nhap/so-ho-so", { csrf: admin.csrf, op: "commit", content: echo(`${dossiers}X1,9.999999,2026-04,5\n`) }, admin.cookie);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Không có thủ tục với mã &quot;9.999999&quot;");
    expect(await app.t.db.selectFrom("dossier_count").select("count").execute()).toEqual([]);
    await audited(["dossier-count.import"], () => postForm(app, "/quan-tri/nhap/so-ho-so", { csrf: admin.csrf, op: "commit", content: echo(dossiers) }, admin.cookie));
    expect(await app.t.db.selectFrom("dossier_count").select("count").execute()).toEqual([{ count: 120 }]);
    const token = await audited(["token.create"], () => postForm(app, "/quan-tri/ma-api", { csrf: admin.csrf, op: "create", name: "Hệ thống một cửa", role: "analyst", unit: "" }, admin.cookie));
    const secret = /data-testid="new-token">(hlt_[^<]+)</.exec(await token.text())![1];
    expect((await api(app, "/api/v1/reports/summary?survey=sipas-2017&from=2026-01-01&to=2026-12-31", { token: secret })).status).toBe(200);
    const id = (await app.t.db.selectFrom("api_token").select("id").where("name", "=", "Hệ thống một cửa").executeTakeFirstOrThrow()).id;
    await audited(["token.revoke"], () => postForm(app, "/quan-tri/ma-api", { csrf: admin.csrf, op: "revoke", id: String(id) }, admin.cookie));
    expect((await api(app, "/api/v1/reports/summary?survey=sipas-2017&from=2026-01-01&to=2026-12-31", { token: secret })).status).toBe(401);
    expect((await lastAudit()).after).not.toContain("hlt_");
  });

  it("audits comment follow-up and response deletion, keeping roll-ups consistent", async () => {
    const manager = await signIn(app, "ql-x1");
    const kept = await postResponse("X1", { tc1: 4, tc2: 5 });
    const rollups = async () => ({
      r: await app.t.db.selectFrom("rollup_response").selectAll().orderBy("unit_id").orderBy("month").execute(),
      a: await app.t.db.selectFrom("rollup_answer").selectAll().orderBy("question_id").orderBy("code").execute(),
      // The coarse per-unit and per-service roll-ups the reports read (migration 0004).
      ua: await app.t.db.selectFrom("rollup_unit_answer").selectAll().orderBy(["unit_id", "channel", "period", "question_id", "code"]).execute(),
      ur: await app.t.db.selectFrom("rollup_unit_response").selectAll().orderBy(["unit_id", "channel", "period"]).execute(),
      sa: await app.t.db.selectFrom("rollup_service_answer").selectAll().orderBy(["service_id", "channel", "period", "question_id", "code"]).execute(),
      sr: await app.t.db.selectFrom("rollup_service_response").selectAll().orderBy(["service_id", "channel", "period"]).execute(),
    });
    const snapshot = await rollups();
    const doomed = await postResponse("X1", { tc1: 1, tc2: 2, "y-kien": "Cán bộ hướng dẫn chưa tận tình" });
    const list = await (await getPage(app, "/quan-tri/gop-y", manager.cookie)).text();
    expect(list).toContain("Cán bộ hướng dẫn chưa tận tình");
    expect(list).not.toContain(kept);
    const noNote = await postForm(app, "/quan-tri/gop-y", { csrf: manager.csrf, id: doomed, status: "answered", note: "" }, manager.cookie);
    expect(noNote.status).toBe(400);
    await audited(["comment.status"], () => postForm(app, "/quan-tri/gop-y", { csrf: manager.csrf, id: doomed, status: "in-progress", note: "Đã chuyển bộ phận một cửa" }, manager.cookie));
    const refused = await postForm(app, "/quan-tri/phan-hoi", { csrf: admin.csrf, id: doomed, reason: "ngắn", confirm: "on" }, admin.cookie);
    expect(refused.status).toBe(400);
    await audited(["response.delete"], () => postForm(app, "/quan-tri/phan-hoi", { csrf: admin.csrf, id: doomed, reason: "Người trả lời yêu cầu xóa dữ liệu (đơn ngày 02/03/2026)", confirm: "on" }, admin.cookie));
    expect(await rollups()).toEqual(snapshot);
    expect(await app.t.db.selectFrom("answer").select("question_id").where("response_id", "=", doomed).execute()).toEqual([]);
    expect(await app.t.db.selectFrom("comment_followup").select("status").execute()).toEqual([]);
  });
});
