import fs from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, getPage, postForm, signIn, type Session } from "../support/console";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let designer: Session;
const source = JSON.parse(fs.readFileSync(path.resolve("survey-definitions/sipas-2017.json"), "utf8"));
const imported = { ...source, slug: "thu-nghiem" };

/** The editor's form as the browser would send it (read from the served HTML). */
async function editorFields(versionId: string): Promise<Array<[string, string]>> {
  const res = await getPage(app, `/quan-tri/phieu/${versionId}`, designer.cookie);
  expect(res.status).toBe(200);
  const html = await res.text();
  // React 18's streaming renderer used to pad chunks with NUL bytes inside Vietnamese text.
  expect(html).not.toContain("\u0000");
  const dom = new JSDOM(html);
  const form = dom.window.document.querySelector("form.draft-editor") as HTMLFormElement;
  return [...new dom.window.FormData(form).entries()].map(([k, v]) => [k, String(v)]);
}

function withField(fields: Array<[string, string]>, name: string, value: string | null): Array<[string, string]> {
  const rest = fields.filter(([k]) => k !== name);
  return value === null ? rest : [...rest, [name, value]];
}

function toForm(fields: Array<[string, string]>, op: string): FormData {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  form.set("op", op);
  return form;
}

beforeAll(async () => {
  app = await startTestApp();
  await addUser(app, "thiet-ke", "designer", null);
  designer = await signIn(app, "thiet-ke");
});
afterAll(async () => app?.stop());

describe("questionnaire designer", () => {
  let draftId = "";

  it("imports a survey-definitions/ file as a draft", async () => {
    const form = new FormData();
    form.set("csrf", designer.csrf);
    form.set("op", "import");
    form.set("file", new Blob([JSON.stringify(imported)], { type: "application/json" }), "phiếu thử nghiệm.json");
    const res = await postForm(app, "/quan-tri/phieu", form, designer.cookie);
    expect(res.status).toBe(302);
    draftId = /\/quan-tri\/phieu\/(\d+)$/.exec(res.headers.get("location") ?? "")![1];
    const row = await app.t.db.selectFrom("survey_version").selectAll().where("id", "=", Number(draftId)).executeTakeFirstOrThrow();
    expect(row.status).toBe("draft");
    expect(JSON.parse(row.definition)).toEqual(imported);
  });

  it("shows validation errors next to the field and keeps the draft unpublished", async () => {
    let fields = await editorFields(draftId);
    fields = withField(fields, "sections.0.questions.0.label.vi", "");
    const res = await postForm(app, `/quan-tri/phieu/${draftId}`, toForm(fields, "publish"), designer.cookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/name="sections.0.questions.0.label.vi"[^>]*aria-invalid="true"/);
    expect(html).toContain("Vui lòng nhập nội dung");
    const published = await app.t.db.selectFrom("survey_version as v").innerJoin("survey as s", "s.id", "v.survey_id").select("v.id").where("s.slug", "=", "thu-nghiem").where("v.status", "=", "published").execute();
    expect(published).toEqual([]);
  });

  it("round trip: import → edit → publish → export equals the edit", async () => {
    let fields = await editorFields(draftId);
    fields = withField(fields, "sections.0.questions.0.label.vi", "Nơi ngồi chờ có đủ chỗ ngồi (đã sửa)");
    fields = withField(fields, "sections.0.questions.0.required", "on");
    const saved = await postForm(app, `/quan-tri/phieu/${draftId}`, toForm(fields, "save"), designer.cookie);
    expect(saved.status).toBe(200);
    const res = await postForm(app, `/quan-tri/phieu/${draftId}`, toForm(await editorFields(draftId), "publish"), designer.cookie);
    expect(res.status).toBe(302);
    const versionId = /\/quan-tri\/phieu\/(\d+)\?da-ban-hanh=1$/.exec(res.headers.get("location") ?? "")![1];
    const exported = await getPage(app, `/quan-tri/phieu/${versionId}/json`, designer.cookie);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toContain("thu-nghiem-v1.json");
    const expected = structuredClone(imported);
    expected.sections[0].questions[0].label.vi = "Nơi ngồi chờ có đủ chỗ ngồi (đã sửa)";
    expected.sections[0].questions[0].required = true;
    expect(await exported.json()).toEqual(expected);
    // The draft became version 1; published versions are immutable.
    expect(await app.t.db.selectFrom("survey_version").select("id").where("id", "=", Number(draftId)).executeTakeFirst()).toBeUndefined();
    const edit = await postForm(app, `/quan-tri/phieu/${versionId}`, toForm(fields, "save"), designer.cookie);
    expect(edit.status).toBe(400);
    const api = await fetch(`${app.url}/api/v1/surveys/thu-nghiem`);
    expect((await api.json()).version).toBe(1);
  });

  it("copies a published version to a new draft and retires a version, audited", async () => {
    const v1 = await app.t.db.selectFrom("survey_version as v").innerJoin("survey as s", "s.id", "v.survey_id").select("v.id").where("s.slug", "=", "thu-nghiem").executeTakeFirstOrThrow();
    const copy = await postForm(app, `/quan-tri/phieu/${v1.id}`, { csrf: designer.csrf, op: "copy" }, designer.cookie);
    expect(copy.status).toBe(302);
    const retire = await postForm(app, `/quan-tri/phieu/${v1.id}`, { csrf: designer.csrf, op: "retire" }, designer.cookie);
    expect(retire.status).toBe(302);
    expect((await fetch(`${app.url}/api/v1/surveys/thu-nghiem`)).status).toBe(404);
    const actions = (await app.t.db.selectFrom("audit_log").select("action").where("actor", "=", "thiet-ke").execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["survey.draft.import", "survey.draft.save", "survey.publish", "survey.draft.publish", "survey.draft.copy", "survey.retire"]));
  });
});
