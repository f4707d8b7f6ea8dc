import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, getPage, postForm, signIn, type Session } from "../support/console";
import { seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";
import { dialect } from "../support/test-db";

// The survey-round console (/quan-tri/dot-khao-sat): an administrator creates a round, uploads
// the dossier list (a bad file is refused row by row, nothing stored), draws and reads the
// progress; a unit manager of another subtree cannot see the round.

let app: TestApp;
let admin: Session;
let otherManager: Session;

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  await addUser(app, "quantri", "admin", null);
  await addUser(app, "ql-x2", "unit-manager", "X2");
  admin = await signIn(app, "quantri");
  otherManager = await signIn(app, "ql-x2");
});
afterAll(async () => app?.stop());

const upload = (csrf: string, text: string) => {
  const form = new FormData();
  form.set("csrf", csrf);
  form.set("op", "frame");
  form.set("file", new Blob([text], { type: "text/csv" }), "ho-so.csv");
  return form;
};

describe(`survey-round console [${dialect()}]`, () => {
  it("creates a round, refuses a bad list, imports a good one, draws and shows progress", async () => {
    const created = await postForm(app, "/quan-tri/dot-khao-sat", { csrf: admin.csrf, name: "Đợt 2026", survey: "sipas-2017", unit: "X1", from: "2026-01-01", to: "2026-12-31", margin: "0,05", overdraw: "1" }, admin.cookie);
    expect(created.status).toBe(302);
    const path = created.headers.get("location")!;
    expect(path).toMatch(/^\/quan-tri\/dot-khao-sat\/\d+$/);

    const bad = await postForm(app, path, upload(admin.csrf, "dossier,unit,service,completedAt\nA-1,X2,1.001612,2026-02-01\n"), admin.cookie);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("không thuộc phạm vi");
    const good = await postForm(app, path, upload(admin.csrf, "dossier,unit,service,completedAt,phone\n" + Array.from({ length: 30 }, (_, i) => `A-${i},X1,1.001612,2026-02-01,09123456${String(i).padStart(2, "0")}`).join("\n")), admin.cookie);
    expect(good.status).toBe(200);
    expect(await good.text()).toContain("Đã nhập 30/30 hồ sơ");
    const form = new FormData();
    form.set("csrf", admin.csrf);
    form.set("op", "draw");
    const drawn = await postForm(app, path, form, admin.cookie);
    expect(drawn.status).toBe(200);
    expect(await drawn.text()).toContain("Đã chọn 28 hồ sơ"); // ceil(30 / 1.075) = 28

    const page = await (await getPage(app, path, admin.cookie)).text();
    expect(page).toContain("Đã chọn mẫu");
    expect(page).toContain("sample.csv");
    expect((await getPage(app, path, otherManager.cookie)).status).toBe(404);
    const list = await (await getPage(app, "/quan-tri/dot-khao-sat", otherManager.cookie)).text();
    expect(list).not.toContain("Đợt 2026");
  });
});
