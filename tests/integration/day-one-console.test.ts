import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "../../app/server/imports.server";
import { addUser, getPage, postForm, signIn, type Session } from "../support/console";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Day-one snags of the console (issue 17): levels by name, no new unit at the abolished
// district level, units picked by name, and responses found without their id.

let app: TestApp;
let admin: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  await addUser(app, "admin", "admin", null);
  admin = await signIn(app, "admin");
  const token = await createToken(app, "admin", null);
  const send = async (name: string, fields: Record<string, unknown>) => {
    ids[name] = randomUUID();
    const r = await api(app, "/api/v1/responses", { method: "POST", token, json: { id: ids[name], survey: "sipas-2017", version: 1, answers: { tc1: 4 }, ...fields } });
    expect(r.status).toBe(201);
  };
  await send("dossier", { unit: "X1", service: "1.001612", channel: "paper", dossier: "000.00.12.H12-260102-0007", submittedAt: "2026-01-02T09:00:00+07:00" });
  await send("x1Online", { unit: "X1", channel: "online", submittedAt: "2026-02-10T09:00:00+07:00" });
  await send("x2Paper", { unit: "X2", channel: "paper", submittedAt: "2026-03-15T09:00:00+07:00" });
});
afterAll(async () => app?.stop());

/** What the page shows (the translations travel in a script too: leave scripts out). */
const shown = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");
const levelOf = async (code: string) => (await app.t.db.selectFrom("unit").select("level").where("code", "=", code).executeTakeFirst())?.level;

describe("units by name, not codes", () => {
  it("takes a level by its Vietnamese name and a parent picked as 'Name (CODE)'", async () => {
    const res = await postForm(app, "/quan-tri/don-vi", { csrf: admin.csrf, op: "create", code: "X5", name: "Xã Năm", level: "Cấp xã", parent: "Tỉnh Thử Nghiệm (T)" }, admin.cookie);
    expect(res.status).toBe(200);
    expect(await levelOf("X5")).toBe("xa");
    const parent = await app.t.db.selectFrom("unit as u").innerJoin("unit as p", "p.id", "u.parent_id").select("p.code").where("u.code", "=", "X5").executeTakeFirstOrThrow();
    expect(parent.code).toBe("T");
  });

  it("refuses a level that is not in the list, and a new unit at the abolished district level", async () => {
    const typo = await postForm(app, "/quan-tri/don-vi", { csrf: admin.csrf, op: "create", code: "X6", name: "Xã Sáu", level: "thôn", parent: "" }, admin.cookie);
    expect(typo.status).toBe(400);
    const district = await postForm(app, "/quan-tri/don-vi", { csrf: admin.csrf, op: "create", code: "H1", name: "Huyện Một", level: "huyen", parent: "T" }, admin.cookie);
    expect(district.status).toBe(400);
    expect(shown(await district.text())).toContain("Cấp huyện đã bãi bỏ");
    expect(await levelOf("X6")).toBeUndefined();
    expect(await levelOf("H1")).toBeUndefined();
  });

  it("imports 'Cấp xã' and 'Cấp tỉnh' as levels, and rejects a new district", async () => {
    const ok = await importFile(app.t.db, "units", new TextEncoder().encode("code,name,parent,level\nX7,Xã Bảy,T,Cấp xã\nT2,Tỉnh Hai,T,Cấp tỉnh\n"), { actor: "test" });
    expect(ok.committed).toBe(true);
    expect([await levelOf("X7"), await levelOf("T2")]).toEqual(["xa", "tinh"]);
    const district = await importFile(app.t.db, "units", new TextEncoder().encode("code,name,parent,level\nH2,Huyện Hai,T,Cấp huyện\n"), { actor: "test" });
    expect(district.committed).toBe(false);
    expect(district.rows[0].issues.map((i) => i.key)).toEqual(["levelAbolished"]);
  });
});

describe("finding responses without their id", () => {
  const found = async (query: string) => {
    const res = await getPage(app, `/quan-tri/phan-hoi?${query}`, admin.cookie);
    expect(res.status).toBe(200);
    const html = shown(await res.text());
    return Object.entries(ids).filter(([, id]) => html.includes(`id=${id}`)).map(([name]) => name).sort();
  };

  it("by dossier code, hashed like at submission (case and spaces as the citizen types them)", async () => {
    expect(await found(`dossier=${encodeURIComponent(" 000.00.12.h12-260102-0007 ")}`)).toEqual(["dossier"]);
    expect(await found("dossier=000.00.12.H12-260102-9999")).toEqual([]);
  });

  it("by unit (picked by name), channel and days", async () => {
    expect(await found(`unit=${encodeURIComponent("Xã Hòa An (X1)")}`)).toEqual(["dossier", "x1Online"]);
    expect(await found("channel=paper")).toEqual(["dossier", "x2Paper"]);
    expect(await found("from=2026-02-01&to=2026-02-28")).toEqual(["x1Online"]);
    expect(await found("unit=X1&channel=online")).toEqual(["x1Online"]);
  });

  it("says so for a unit that does not exist", async () => {
    const html = shown(await (await getPage(app, "/quan-tri/phan-hoi?unit=KHONG-CO", admin.cookie)).text());
    expect(html).toContain("Không có đơn vị với mã này");
  });
});
