import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishDefinition } from "../../app/server/publish.server";
import { retireVersion, getVersion } from "../../db/queries/surveys";
import {
  expectedRows, getPage, hasText, hiddenValue, plannedAnswers, postForm, shippedDefinition, stepFields, storedRows, walkToReview,
} from "../support/citizen-form";
import { FIXTURE_SURVEY } from "../support/form-fixture";
import { count, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// The online form over plain HTTP posts (what a phone with JavaScript off sends), including
// forged and tampered posts: each gets a clear localized message and stores nothing.

let app: TestApp;
const LINK = "/danh-gia/X1/1.001612";
const FIXTURE_LINK = `${LINK}?phieu=thu-bieu-mau`;
const sipas = shippedDefinition("sipas-2017");

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  const published = await publishDefinition(app.t.db, FIXTURE_SURVEY, "test");
  expect(published.ok).toBe(true);
});
afterAll(async () => app?.stop());

/** Opens a form and posts one step with the given fields. */
async function postFirstStep(link: string, fields: Array<[string, string]>, { intent = "next", js = false } = {}) {
  const page = await getPage(app, link);
  const control: Array<[string, string]> = [["state", hiddenValue(page.html, "state")!], ["section", hiddenValue(page.html, "section")!], ["intent", intent]];
  return postForm(app, link, [...control, ...(js ? [["js", "1"] as [string, string]] : []), ...fields]);
}

describe("unit and unit + service links", () => {
  it("lists the unit's services with a plain GET search that ignores Vietnamese marks", async () => {
    const all = await getPage(app, "/danh-gia/X1");
    expect(all.status).toBe(200);
    expect(all.html.includes(`href="${LINK}"`), `href="${LINK}"`).toBe(true);
    expect(hasText((await getPage(app, "/danh-gia/X1?q=dang+ky+ho+kinh+doanh")).html, "Đăng ký thành lập hộ kinh doanh")).toBe(true);
    const none = await getPage(app, "/danh-gia/X1?q=khai+sinh&phieu=nhanh");
    expect(hasText(none.html, "Không có thủ tục nào khớp")).toBe(true);
    expect((await getPage(app, "/danh-gia/X1?phieu=nhanh")).html.includes(`href="${LINK}?phieu=nhanh"`)).toBe(true);
    expect((await getPage(app, "/danh-gia/KHONG")).status).toBe(404);
  });

  it("refuses another unit's service and an unknown survey with a kind page", async () => {
    const other = await getPage(app, "/danh-gia/X2/1.001612");
    expect(other.status).toBe(404);
    expect(hasText(other.html, "Không tìm thấy thủ tục")).toBe(true);
    const survey = await getPage(app, `${LINK}?phieu=khong-co`);
    expect(survey.status).toBe(404);
    expect(hasText(survey.html, "Phiếu khảo sát chưa sẵn sàng")).toBe(true);
  });

  it("completes sipas-2017 step by step, stores the codes once, and a resend gets the same thank-you", async () => {
    const first = await getPage(app, LINK);
    expect(hasText(first.html, "Bước 1/10")).toBe(true);
    const review = await walkToReview(app, LINK, sipas);
    expect(hasText(review.html, "Xem lại và gửi phiếu")).toBe(true);
    // Comments are plain text, rendered escaped.
    expect(review.html.includes("Góp ý &lt;b&gt;thử&lt;/b&gt;"), "Góp ý &lt;b&gt;thử&lt;/b&gt;").toBe(true);
    const state = hiddenValue(review.html, "state")!;
    const before = await count(app, "response");
    for (let i = 0; i < 2; i++) {
      const sent = await postForm(app, LINK, [["state", state], ["intent", "submit"]]);
      expect(sent.status).toBe(302);
      expect(sent.location).toBe("/cam-on");
    }
    expect(await count(app, "response")).toBe(before + 1);
    const response = await app.t.db.selectFrom("response").selectAll().orderBy("received_at", "desc").executeTakeFirstOrThrow();
    expect(response).toMatchObject({ channel: "online", locale: "vi", dossier_hash: null, kiosk_id: null });
    expect(response.started_at).toBeTruthy();
    expect(await storedRows(app, response.id)).toEqual(expectedRows(plannedAnswers(sipas)));
    const thanks = await getPage(app, "/cam-on");
    expect(hasText(thanks.html, "Câu trả lời được sử dụng như thế nào")).toBe(true);
  });
});

describe("step checks", () => {
  it("shows range and required errors next to the field, keeps the answers, stores nothing", async () => {
    const before = await count(app, "response");
    const page = await postFirstStep(FIXTURE_LINK, [["q_muc-do", "7"], ["q_sao", "4"]], { js: true });
    expect(page.status).toBe(400);
    expect(/class="field-error" id="muc-do-error">Giá trị phải từ 1 đến 5/.test(page.html), String(/class="field-error" id="muc-do-error">Giá trị phải từ 1 đến 5/)).toBe(true);
    expect(/class="error-summary" tabindex="-1" autofocus=""/.test(page.html), String(/class="error-summary" tabindex="-1" autofocus=""/)).toBe(true);
    expect(/aria-invalid="true" aria-describedby="muc-do-error"/.test(page.html), String(/aria-invalid="true" aria-describedby="muc-do-error"/)).toBe(true);
    expect(/name="q_sao" checked="" value="4"/.test(page.html), String(/name="q_sao" value="4" checked=""/)).toBe(true);
    const empty = await postFirstStep(FIXTURE_LINK, []);
    expect(hasText(empty.html, "Vui lòng trả lời câu hỏi này")).toBe(true);
    expect(await count(app, "response")).toBe(before);
  });

  it("refuses unknown question ids in a post, keeping nothing of it", async () => {
    const page = await postFirstStep(FIXTURE_LINK, [["q_muc-do", "4"], ["q_khong-co", "5"]]);
    expect(page.status).toBe(400);
    expect(hasText(page.html, "Nội dung gửi lên không khớp với câu hỏi của phiếu")).toBe(true);
    expect(/name="q_muc-do" checked="" value="4"/.test(page.html), String(/name="q_muc-do" value="4" checked=""/)).toBe(false);
    const twice = await postFirstStep(FIXTURE_LINK, [["q_muc-do", "4"], ["q_muc-do", "5"]]);
    expect(twice.status).toBe(400);
  });

  it("refuses a 10,000-character comment with a localized message", async () => {
    const page = await getPage(app, LINK);
    let state = hiddenValue(page.html, "state")!;
    // Walk to the comment step, then post the long comment there.
    let html = page.html;
    while (hiddenValue(html, "section") !== "y-kien-khac") {
      const section = hiddenValue(html, "section")!;
      html = (await postForm(app, LINK, [["state", state], ["section", section], ["intent", "next"], ["js", "1"], ...stepFields(sipas, section, plannedAnswers(sipas))])).html;
      state = hiddenValue(html, "state")!;
    }
    const before = await count(app, "response");
    const long = await postForm(app, LINK, [["state", state], ["section", "y-kien-khac"], ["intent", "next"], ["q_y-kien", "a".repeat(10_000)]]);
    expect(long.status).toBe(400);
    expect(/id="y-kien-error">Tối đa 1000 ký tự/.test(long.html), String(/id="y-kien-error">Tối đa 1000 ký tự/)).toBe(true);
    expect(await count(app, "response")).toBe(before);
  });

  it("shows questions revealed by an answer before moving on when JavaScript is off", async () => {
    const noJs = await postFirstStep(`${LINK}?phieu=nhanh`, [["q_muc-do", "1"]]);
    expect(noJs.status).toBe(200);
    expect(hasText(noJs.html, "có thêm câu hỏi bên dưới")).toBe(true);
    expect(hiddenValue(noJs.html, "section")).toBe("danh-gia-nhanh");
    const withJs = await postFirstStep(`${LINK}?phieu=nhanh`, [["q_muc-do", "1"]], { js: true });
    expect(hasText(withJs.html, "Xem lại và gửi phiếu")).toBe(true);
  });

  it("asks consent before personal data, and drops answers of sections that became hidden", async () => {
    const first = await getPage(app, FIXTURE_LINK);
    let html = (await postForm(app, FIXTURE_LINK, [["state", hiddenValue(first.html, "state")!], ["section", "chung"], ["intent", "next"], ["js", "1"], ["q_muc-do", "2"], ["q_ly-do", "Chờ lâu"]])).html;
    html = (await postForm(app, FIXTURE_LINK, [["state", hiddenValue(html, "state")!], ["section", "chi-tiet"], ["intent", "next"], ["q_so-lan", "2"]])).html;
    const consent = await postForm(app, FIXTURE_LINK, [["state", hiddenValue(html, "state")!], ["section", "lien-he"], ["intent", "next"], ["q_dien-thoai", "0901234567"]]);
    expect(consent.status).toBe(400);
    expect(/id="dong-y-error">Cần ông\/bà đồng ý/.test(consent.html), String(/id="dong-y-error">Cần ông\/bà đồng ý/)).toBe(true);
    // Back to the first step: a 5 hides both "ly-do" and the details section.
    const back = await postForm(app, FIXTURE_LINK, [["state", hiddenValue(consent.html, "state")!], ["section", "lien-he"], ["intent", "edit:chung"]]);
    expect(hiddenValue(back.html, "section")).toBe("chung");
    const five = await postForm(app, FIXTURE_LINK, [["state", hiddenValue(back.html, "state")!], ["section", "chung"], ["intent", "next"], ["js", "1"], ["q_muc-do", "5"], ["q_ly-do", "Chờ lâu"]]);
    expect(hiddenValue(five.html, "section")).toBe("lien-he");
    expect(hasText(five.html, "Bước 2/3")).toBe(true);
    const review = await postForm(app, FIXTURE_LINK, [["state", hiddenValue(five.html, "state")!], ["section", "lien-he"], ["intent", "next"], ["q_dong-y", "yes"], ["q_dien-thoai", "0901234567"]]);
    expect(hasText(review.html, "Xem lại và gửi phiếu")).toBe(true);
    const sent = await postForm(app, FIXTURE_LINK, [["state", hiddenValue(review.html, "state")!], ["intent", "submit"]]);
    expect(sent.location).toBe("/cam-on");
    const response = await app.t.db.selectFrom("response").select("id").orderBy("received_at", "desc").executeTakeFirstOrThrow();
    expect(Object.keys(await storedRows(app, response.id)).sort()).toEqual(["dien-thoai", "dong-y", "muc-do"]);
  });
});

describe("tampered and stale posts", () => {
  it("refuses a forged state and a state from another link", async () => {
    const page = await getPage(app, LINK);
    const state = hiddenValue(page.html, "state")!;
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(state.split(".")[0], "base64url").toString()), answers: { tc1: 9 } })).toString("base64url");
    const before = await count(app, "response");
    const a = await postForm(app, LINK, [["state", `${forged}.${state.split(".")[1]}`], ["intent", "submit"]]);
    expect(a.status).toBe(400);
    expect(hasText(a.html, "Không đọc được phiếu đang điền")).toBe(true);
    const b = await postForm(app, `${LINK}?phieu=nhanh`, [["state", state], ["intent", "submit"]]);
    expect(b.status).toBe(400);
    const c = await postForm(app, "/danh-gia/X2/1.001612", [["state", state], ["intent", "submit"]]);
    expect(c.status).toBe(404);
    expect(await count(app, "response")).toBe(before);
  });

  it("changes the text size in the same response, keeping the step's answers", async () => {
    const page = await postFirstStep(FIXTURE_LINK, [["q_muc-do", "3"]], { intent: "size:lg" });
    expect(page.status).toBe(200);
    expect(page.setCookie).toMatch(/hl_hien_thi=lg/);
    expect(/<html lang="vi" class="text-lg">/.test(page.html), String(/<html lang="vi" class="text-lg">/)).toBe(true);
    expect(/name="q_muc-do" checked="" value="3"/.test(page.html), String(/name="q_muc-do" value="3" checked=""/)).toBe(true);
    const footer = await postForm(app, "/hien-thi", [["change", "contrast:on"], ["redirectTo", "//evil.example"]], { cookie: "hl_hien_thi=lg" });
    expect(footer.status).toBe(302);
    expect(footer.location).toBe("/");
    expect(footer.setCookie).toMatch(/hl_hien_thi=lg\.hc/);
    expect(/class="text-lg contrast-high"/.test((await getPage(app, "/cam-on", { cookie: "hl_hien_thi=lg.hc" })).html)).toBe(true);
  });

  it("refuses a retired version: nothing is stored and the citizen may start again", async () => {
    const review = await walkToReview(app, FIXTURE_LINK, FIXTURE_SURVEY);
    const version = await getVersion(app.t.db, "thu-bieu-mau", 1);
    await retireVersion(app.t.db, version!.id, new Date().toISOString());
    const before = await count(app, "response");
    const sent = await postForm(app, FIXTURE_LINK, [["state", hiddenValue(review.html, "state")!], ["intent", "submit"]]);
    expect(sent.status).toBe(409);
    expect(hasText(sent.html, "Phiếu khảo sát đã được thay đổi")).toBe(true);
    expect(await count(app, "response")).toBe(before);
  });

  it("limits final posts per address", async () => {
    const review = await walkToReview(app, `${LINK}?phieu=nhanh`, shippedDefinition("nhanh"));
    const fields: Array<[string, string]> = [["state", hiddenValue(review.html, "state")!], ["intent", "submit"]];
    let limited = null;
    for (let i = 0; i < 60 && !limited; i++) {
      const sent = await postForm(app, `${LINK}?phieu=nhanh`, fields);
      if (sent.status === 429) limited = sent;
    }
    expect(limited).not.toBeNull();
    expect(hasText(limited!.html, "Gửi quá nhanh")).toBe(true);
  });
});
