// Drives the citizen's online form like a browser would, from the survey definition: a
// planned answer per question, form posts over HTTP, and the rows the database must hold.
import fs from "node:fs";
import path from "node:path";
import { isQuestionVisible, pruneHidden } from "../../app/survey/form-steps";
import type { AnswerSet, AnswerValue, Question, SurveyDefinition } from "../../app/survey/types";
import type { TestApp } from "./test-app";

export const SHIPPED_SURVEYS = fs
  .readdirSync(path.resolve("survey-definitions"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""))
  .sort();

export function shippedDefinition(slug: string): SurveyDefinition {
  return JSON.parse(fs.readFileSync(path.resolve("survey-definitions", `${slug}.json`), "utf8"));
}

/** A deterministic, valid answer for a question (the n-th of its survey). */
export function plannedAnswer(q: Question, n: number): AnswerValue {
  switch (q.type) {
    case "scale5":
      return q.allowNA && n % 7 === 6 ? "na" : (n % 5) + 1;
    case "smiley":
      return 2; // low: opens the "why?" follow-ups of the quick rating
    case "stars":
      return Math.min(4, q.max);
    case "single":
      return q.options[n % q.options.length].id;
    case "multi":
      return q.options.slice(0, Math.min(2, q.maxSelected ?? 2)).map((o) => o.id);
    case "yesno":
    case "consent":
      return "yes";
    case "number":
      return Math.min(q.max ?? 5, Math.max(q.min ?? 0, 3));
    case "text":
      return q.personal ? "Nguyễn Văn An" : `Góp ý <b>thử</b> số ${n}`;
  }
}

/** What the survey stores when every visible question gets its planned answer. */
export function plannedAnswers(def: SurveyDefinition): AnswerSet {
  const answers: AnswerSet = {};
  let n = 0;
  for (const s of def.sections) {
    for (const q of s.questions) {
      if (isQuestionVisible(s, q, answers)) answers[q.id] = plannedAnswer(q, n);
      n += 1;
    }
  }
  return pruneHidden(def, answers);
}

/** The answer table's rows for an answer set: codes for numbers, text otherwise (multi joined by ";"). */
export function expectedRows(answers: AnswerSet): Record<string, { code: number | null; text: string | null }> {
  return Object.fromEntries(
    Object.entries(answers).map(([id, v]) => [
      id,
      typeof v === "number" ? { code: v, text: null } : { code: null, text: Array.isArray(v) ? v.join(";") : v },
    ]),
  );
}

export async function storedRows(app: TestApp, responseId: string) {
  const rows = await app.t.db.selectFrom("answer").select(["question_id", "code", "text"]).where("response_id", "=", responseId).execute();
  return Object.fromEntries(rows.map((r) => [r.question_id, { code: r.code === null ? null : Number(r.code), text: r.text }]));
}

export const decodeHtml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export const hiddenValue = (html: string, name: string) => {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return m ? decodeHtml(m[1]) : null;
};

/** The page's visible text (scripts and tags removed), to look for a message in it. */
export function pageText(html: string): string {
  return decodeHtml(html.replace(/<script[\s\S]*?<\/script>/g, " ").replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ");
}

/** A short failure message instead of a whole page when a text is missing. */
export function hasText(html: string, text: string): boolean {
  return pageText(html).includes(text);
}

export interface Page {
  status: number;
  html: string;
  location: string | null;
  setCookie: string | null;
}

export async function getPage(app: TestApp, pathname: string, headers: Record<string, string> = {}): Promise<Page> {
  const res = await fetch(`${app.url}${pathname}`, { redirect: "manual", headers });
  return { status: res.status, html: await res.text(), location: res.headers.get("location"), setCookie: res.headers.get("set-cookie") };
}

export async function postForm(app: TestApp, pathname: string, fields: Array<[string, string]>, headers: Record<string, string> = {}): Promise<Page> {
  const res = await fetch(`${app.url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, html: await res.text(), location: res.headers.get("location"), setCookie: res.headers.get("set-cookie") };
}

/** The posted fields of a section for the planned answers (as the browser sends them with JS on). */
export function stepFields(def: SurveyDefinition, sectionId: string, planned: AnswerSet): Array<[string, string]> {
  const section = def.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`no section ${sectionId}`);
  const fields: Array<[string, string]> = [];
  for (const q of section.questions) {
    const v = planned[q.id];
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) fields.push([`q_${q.id}`, String(one)]);
  }
  return fields;
}

/**
 * Walks a form over HTTP from its first page to the review step, answering each step with
 * the planned answers. Returns the review page (its `state` sends the form).
 */
export async function walkToReview(app: TestApp, pathname: string, def: SurveyDefinition, planned = plannedAnswers(def)): Promise<Page> {
  let page = await getPage(app, pathname);
  for (let i = 0; i < 40; i++) {
    const section = hiddenValue(page.html, "section");
    if (!section) return page;
    const state = hiddenValue(page.html, "state");
    if (page.status !== 200 || !state) throw new Error(`step ${section} answered ${page.status}`);
    page = await postForm(app, pathname, [["state", state], ["section", section], ["intent", "next"], ["js", "1"], ...stepFields(def, section, planned)]);
  }
  throw new Error("the form never reached its review step");
}
