import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { faceQuestion, nextQuestion, previousQuestion, submissionBody } from "../../app/kiosk/flow";
import { pruneHidden } from "../../app/survey/form-steps";
import { backoffMs, BACKOFF_MAX_MS, isBurst, itemStatus, retryAfterMs, verdictOf } from "../../app/kiosk/retry";
import type { SurveyDefinition } from "../../app/survey/types";
import { validateAnswers } from "../../app/survey/validate-answers";

const nhanh = JSON.parse(fs.readFileSync("survey-definitions/nhanh.json", "utf8")) as SurveyDefinition;
const tthc = JSON.parse(fs.readFileSync("survey-definitions/danh-gia-tthc.json", "utf8")) as SurveyDefinition;

describe("kiosk outbox rules", () => {
  it("drops only what the server stored or refused for good", () => {
    expect([200, 201].map(verdictOf)).toEqual(["stored", "stored"]);
    expect([400, 403, 409, 413].map(verdictOf)).toEqual(["rejected", "rejected", "rejected", "rejected"]);
    expect(verdictOf(401)).toBe("revoked");
    expect([0, 404, 408, 429, 500, 502, 503].map(verdictOf)).toEqual(Array(7).fill("retry"));
    expect(itemStatus({ status: "duplicate" })).toBe(200);
    expect(itemStatus({ error: { code: "conflict" } })).toBe(409);
    expect(itemStatus({ error: { code: "internal" } })).toBe(500);
  });

  it("backs off exponentially with jitter, capped, and honours Retry-After", () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(2, 0)).toBe(2000);
    expect(backoffMs(40, 1)).toBe(BACKOFF_MAX_MS);
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs(null)).toBeNull();
  });

  it("asks for a pause after a burst of ratings on one device", () => {
    const now = 1_000_000;
    expect(isBurst([now - 1000, now - 2000, now - 3000, now - 4000, now - 5000], now)).toBe(false);
    expect(isBurst([now - 1000, now - 2000, now - 3000, now - 4000, now - 5000, now - 6000], now)).toBe(true);
    expect(isBurst(Array(10).fill(now - 61_000), now)).toBe(false);
  });
});

describe("kiosk walk through a survey", () => {
  it("offers the quick rating's smiley as faces and shows reasons only when dissatisfied", () => {
    expect(faceQuestion(nhanh)).toEqual({ id: "muc-do", levels: 5 });
    expect(faceQuestion(tthc)).toBeNull();
    expect(nextQuestion(nhanh, { "muc-do": 4 }, null, "muc-do")).toBeNull();
    expect(nextQuestion(nhanh, { "muc-do": 2 }, null, "muc-do")?.id).toBe("ly-do");
    expect(nextQuestion(nhanh, { "muc-do": 2 }, "ly-do", "muc-do")?.id).toBe("gop-y");
    expect(previousQuestion(nhanh, { "muc-do": 2 }, "ly-do", "muc-do")).toBeNull();
  });

  it("sends only answers that are still visible, in a body the server accepts", () => {
    const answers = pruneHidden(nhanh, { "muc-do": 5, "ly-do": ["thai-do"] });
    expect(answers).toEqual({ "muc-do": 5 });
    const body = submissionBody(
      { id: "0b6f0000-0000-4000-8000-000000000000", startedAt: "2026-03-02T01:00:00.000Z", answers: { "muc-do": 1, "ly-do": ["thai-do"] }, service: "1.001612", dossier: "HS-1", bindingId: 3 },
      nhanh, { slug: "nhanh", version: 1 }, "X1", "vi", new Date("2026-03-02T01:00:05.000Z"),
    );
    expect(body).toMatchObject({ channel: "kiosk", unit: "X1", service: "1.001612", dossier: "HS-1", submittedAt: "2026-03-02T01:00:05.000Z" });
    expect(validateAnswers(nhanh, body.answers).ok).toBe(true);
  });

  it("drops an answer whose question hangs on a dropped answer, as the server's validation reads it (one prune for form and kiosk)", () => {
    const t = (vi: string) => ({ vi, en: vi });
    const chain = {
      schemaVersion: 1, slug: "chuoi", title: t("Chuỗi"),
      sections: [{ id: "s", title: t("S"), questions: [
        { id: "a", type: "scale5", title: t("A"), required: true },
        { id: "b", type: "yesno", title: t("B"), visibleIf: { q: "a", op: "lte", value: 2 } },
        { id: "c", type: "text", title: t("C"), visibleIf: { q: "b", op: "eq", value: "yes" } },
      ] }],
    } as unknown as SurveyDefinition;
    const body = submissionBody(
      { id: "0b6f0000-0000-4000-8000-000000000001", startedAt: "2026-03-02T01:00:00.000Z", answers: { a: 5, b: "yes", c: "lâu" }, service: null, dossier: null, bindingId: null },
      chain, { slug: "chuoi", version: 1 }, "X1", "vi", new Date("2026-03-02T01:00:05.000Z"),
    );
    expect(body.answers).toEqual({ a: 5 });
    expect(validateAnswers(chain, body.answers).ok).toBe(true);
  });
});
