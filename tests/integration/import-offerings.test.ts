// Which TTHC each unit handles, from one file (issue 16 point 10): the CLI's import-offerings
// and the console's import page run the same all-or-nothing import; --replace makes the file
// the whole list of the units it names.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertService } from "../../db/queries/services";
import { runCli } from "../../scripts/cli/run";
import type { CliIo } from "../../scripts/cli/context";
import { addUser, postForm, signIn, type Session } from "../support/console";
import { seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let dir: string;
let admin: Session;

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app); // X1 offers 1.001612; 1.001193 is offered by nobody
  await upsertService(app.t.db, { code: "2.000002", name: "Đăng ký kết hôn", field: "Hộ tịch", level: "xa" }, new Date().toISOString());
  await addUser(app, "quantri", "admin", null);
  admin = await signIn(app, "quantri");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hailong-offerings-"));
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(csv: string, ...flags: string[]) {
  const file = path.join(dir, "thu-tuc-don-vi.csv");
  fs.writeFileSync(file, csv);
  const out: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => out.push(l), progress: () => {}, readLine: async () => "" };
  const code = await runCli(["import-offerings", file, ...flags], { db: app.t.db, io, env: { DATABASE_URL: app.t.url, SECRET_KEY: "x".repeat(40), SEED_DEMO: "0", PORT: "3999" } });
  return { code, text: out.join("\n") };
}

async function offered(unit: string): Promise<string[]> {
  const rows = await app.t.db
    .selectFrom("unit_service")
    .innerJoin("unit", "unit.id", "unit_service.unit_id")
    .innerJoin("service", "service.id", "unit_service.service_id")
    .select("service.code")
    .where("unit.code", "=", unit)
    .orderBy("service.code")
    .execute();
  return rows.map((r) => r.code);
}

describe("import-offerings", () => {
  it("rejects the whole file with a reason per bad row, and writes nothing", async () => {
    const r = await cli("unit,service\nX1,1.001193\nX9,1.001193\nX2,9.999999\nX1,1.001193\n");
    expect(r.code).toBe(1);
    expect(r.text).toContain("Dòng 3 (mã X9/1.001193)");
    expect(r.text).toContain("Dòng 4 (mã X2/9.999999)");
    expect(r.text).toContain("Dòng 5 (mã X1/1.001193)");
    expect(r.text).toContain("nothing was written");
    expect(await offered("X1")).toEqual(["1.001612"]);
  });

  it("adds offerings, keeps the ones a file leaves out, and says what did not change", async () => {
    const r = await cli("unit,service\nX1,1.001193\nX1,1.001612\nX2,1.001193\n");
    expect(r.code).toBe(0);
    expect(r.text).toContain("thêm mới (added) 2");
    expect(r.text).toContain("không đổi (unchanged) 1");
    expect(await offered("X1")).toEqual(["1.001193", "1.001612"]);
    expect(await offered("X2")).toEqual(["1.001193"]);
    const audit = await app.t.db.selectFrom("audit_log").select(["actor"]).where("action", "=", "unit-service.import").execute();
    expect(audit).toHaveLength(1);
  });

  it("with --replace, makes the file the whole list of the units it names (dry run first)", async () => {
    const dry = await cli("unit,service\nX1,2.000002\n", "--replace", "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.text).toContain("Bỏ khỏi danh sách (dự kiến — would be) (removed): X1/1.001193, X1/1.001612");
    expect(await offered("X1")).toEqual(["1.001193", "1.001612"]);
    const r = await cli("unit,service\nX1,2.000002\n", "--replace");
    expect(r.code).toBe(0);
    expect(await offered("X1")).toEqual(["2.000002"]);
    expect(await offered("X2")).toEqual(["1.001193"]); // not named in the file: untouched
  });

  it("is the same import on the console page, with the replace option", async () => {
    const csv = "unit,service\nX2,1.001612\n";
    const form = new FormData();
    form.set("csrf", admin.csrf);
    form.set("op", "preview");
    form.set("replace", "1");
    form.set("file", new Blob([csv]), "thủ tục.csv");
    const preview = await postForm(app, "/quan-tri/nhap/thu-tuc-don-vi", form, admin.cookie);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("Bỏ khỏi danh sách (1): X2/1.001193");
    expect(html).toContain('name="replace" value="1"');
    const content = Buffer.from(csv).toString("base64url");
    const commit = await postForm(app, "/quan-tri/nhap/thu-tuc-don-vi", { csrf: admin.csrf, op: "commit", content, fileName: "thủ tục.csv", replace: "1" }, admin.cookie);
    expect(commit.status).toBe(200);
    expect(await offered("X2")).toEqual(["1.001612"]);
    const page = await fetch(`${app.url}/quan-tri/thu-tuc`, { headers: { cookie: admin.cookie } });
    expect(await page.text()).toContain('href="/quan-tri/nhap/thu-tuc-don-vi"');
  });
});
