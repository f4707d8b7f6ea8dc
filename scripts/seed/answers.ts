import { evaluateCondition } from "../../app/survey/conditions";
import type { AnswerSet, AnswerValue, Condition, Question, SurveyDefinition } from "../../app/survey/types";
import { clamp, type Rng } from "./prng";

// Believable answers for ANY survey definition, driven by one number: how likely this
// respondent is to be satisfied. Nothing here knows a question's wording; the structure
// (types, conditions, options) is enough. Conditions are honoured in form order, exactly
// as validateAnswers checks them.

const POSITIVE = [
  "Cán bộ hướng dẫn nhiệt tình, chu đáo.",
  "Thủ tục nhanh gọn, trả kết quả đúng hẹn.",
  "Nơi làm việc sạch sẽ, có nước uống và chỗ ngồi thoải mái.",
  "Rất hài lòng, mong tiếp tục phát huy.",
  "Nộp hồ sơ trực tuyến thuận tiện, không phải đi lại nhiều.",
  "Công chức lịch sự, giải thích rõ ràng, dễ hiểu.",
  "Cảm ơn bộ phận một cửa đã hỗ trợ người cao tuổi.",
];

const NEGATIVE = [
  "Thời gian chờ lâu, nên bố trí thêm quầy vào buổi sáng.",
  "Phải đi lại nhiều lần vì hướng dẫn thành phần hồ sơ chưa rõ.",
  "Trả kết quả trễ hẹn mà không được thông báo trước.",
  "Máy lấy số thứ tự hay bị lỗi.",
  "Cổng dịch vụ công khó dùng, hay bị treo khi tải hồ sơ lên.",
  "Đề nghị niêm yết rõ phí, lệ phí tại nơi tiếp nhận.",
  "Chỗ để xe chật, không có mái che.",
  "Cán bộ chưa nhiệt tình, trả lời qua loa.",
];

interface QuestionProfile {
  /** Added to the respondent's satisfaction probability for this item (criterion-level spread). */
  offset: number;
  /** Chance of no answer when the question is optional. */
  missing: number;
  /** Chance of "na" where "Không áp dụng" is offered. */
  na: number;
  /** Single choice that works as a rating: option ids best → worst. */
  ranked?: string[];
  /** Other choices: stable, uneven option weights (demographics are never uniform). */
  weights?: number[];
}

export type SurveyProfile = Map<string, QuestionProfile>;

function comparisons(c: Condition | undefined): Array<{ q: string; values: unknown[] }> {
  if (!c) return [];
  if ("q" in c) {
    if (c.op !== "eq" && c.op !== "in") return [];
    return [{ q: c.q, values: Array.isArray(c.value) ? c.value : [c.value] }];
  }
  return ("all" in c ? c.all : c.any).flatMap(comparisons);
}

/** Per-question parameters of one survey, drawn once (deterministic for a seed). */
export function profileSurvey(def: SurveyDefinition, rng: Rng): SurveyProfile {
  // A single choice that triggers a follow-up ("why not satisfied?") is a rating; the
  // option that triggers it is a bad one.
  const triggers = new Map<string, Set<unknown>>();
  for (const s of def.sections) {
    for (const cond of [s.visibleIf, ...s.questions.map((q) => q.visibleIf)]) {
      for (const cmp of comparisons(cond)) {
        const set = triggers.get(cmp.q) ?? new Set();
        cmp.values.forEach((v) => set.add(v));
        triggers.set(cmp.q, set);
      }
    }
  }
  const profile: SurveyProfile = new Map();
  for (const q of def.sections.flatMap((s) => s.questions)) {
    const u = rng.next();
    const p: QuestionProfile = { offset: 0.04 - 0.13 * u * u, missing: 0.05 + 0.05 * rng.next(), na: 0.02 + 0.06 * rng.next() };
    if (q.type === "single" || q.type === "multi") {
      const ids = q.options.map((o) => o.id);
      const bad = triggers.get(q.id);
      if (q.type === "single" && ids.every((id) => /^\d+$/.test(id))) {
        p.ranked = [...ids].sort((a, b) => Number(b) - Number(a));
      } else if (q.type === "single" && bad && ids.some((id) => bad.has(id))) {
        p.ranked = [...ids.filter((id) => !bad.has(id)), ...ids.filter((id) => bad.has(id))];
      } else {
        p.weights = ids.map(() => 0.2 + rng.next() ** 2);
      }
    }
    profile.set(q.id, p);
  }
  return profile;
}

function weighted(rng: Rng, weights: number[]): number {
  let x = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
  return weights.length - 1;
}

/** A code on a 1..top scale: satisfied → top or top-1, else spread below. */
function scaleCode(rng: Rng, satisfied: boolean, top: number, p: number): number {
  if (top <= 2) return satisfied ? top : 1;
  if (satisfied) return rng.chance(clamp(0.2 + (p - 0.7), 0.1, 0.6)) ? top : top - 1;
  if (top === 3) return rng.chance(0.6) ? 2 : 1;
  const r = rng.next();
  return r < 0.6 ? top - 2 : r < 0.9 ? Math.max(1, top - 3) : 1;
}

interface Context {
  rng: Rng;
  p: number;
  prof: QuestionProfile;
  unhappy: boolean;
}

function answerFor(q: Question, c: Context): AnswerValue | undefined {
  const { rng, prof } = c;
  const pItem = clamp(c.p + prof.offset, 0.03, 0.99);
  switch (q.type) {
    case "scale5":
      if (q.allowNA && rng.chance(prof.na)) return "na";
      return scaleCode(rng, rng.chance(pItem), 5, c.p);
    case "smiley":
      return scaleCode(rng, rng.chance(pItem), q.levels, c.p);
    case "stars":
      return scaleCode(rng, rng.chance(pItem), q.max, c.p);
    case "single": {
      if (prof.ranked) {
        const n = prof.ranked.length;
        const rank = rng.chance(pItem) ? (n > 2 && rng.chance(0.55) ? 1 : 0) : n > 2 && rng.chance(0.35) ? n - 2 : n - 1;
        return prof.ranked[rank];
      }
      return q.options[weighted(rng, prof.weights!)].id;
    }
    case "multi": {
      const max = Math.min(q.maxSelected ?? 3, 3, q.options.length);
      const k = 1 + (rng.chance(0.35) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0);
      const chosen = new Set<string>();
      while (chosen.size < Math.min(k, max)) chosen.add(q.options[weighted(rng, prof.weights!)].id);
      return q.options.map((o) => o.id).filter((id) => chosen.has(id));
    }
    case "yesno":
      return rng.chance(pItem) ? "yes" : "no";
    case "number": {
      const min = q.min ?? 0;
      const max = q.max ?? min + 10;
      const value = min + -Math.log(1 - rng.next()) * ((max - min) / 12 + (c.unhappy ? 1 : 0.3));
      return Math.min(max, q.integer === false ? Math.round(value * 10) / 10 : Math.floor(value));
    }
    case "text": {
      if (q.personal) return undefined;
      const chance = q.required ? 1 : q.visibleIf ? 0.35 : c.unhappy ? 0.15 : 0.03;
      if (!rng.chance(chance)) return undefined;
      const text = rng.pick(c.unhappy ? NEGATIVE : POSITIVE);
      return q.maxLength && text.length > q.maxLength ? text.slice(0, q.maxLength) : text;
    }
    case "consent":
      return q.required ? "yes" : undefined;
  }
}

/** Answers of one respondent whose chance of being satisfied with an average item is `p`. */
export function generateAnswers(def: SurveyDefinition, profile: SurveyProfile, rng: Rng, p: number): AnswerSet {
  const answers: AnswerSet = {};
  let low = 0;
  let rated = 0;
  for (const section of def.sections) {
    if (!evaluateCondition(section.visibleIf, answers)) continue;
    for (const q of section.questions) {
      if (!evaluateCondition(q.visibleIf, answers)) continue;
      const prof = profile.get(q.id)!;
      const optional = !q.required && q.type !== "text" && q.type !== "consent";
      if (optional && rng.chance(prof.missing)) continue;
      const value = answerFor(q, { rng, p, prof, unhappy: p < 0.55 || (rated > 0 && low / rated > 0.3) });
      if (value === undefined) continue;
      answers[q.id] = value;
      if (typeof value === "number" && (q.type === "scale5" || q.type === "smiley" || q.type === "stars")) {
        rated++;
        if (value <= Math.ceil((q.type === "scale5" ? 5 : q.type === "smiley" ? q.levels : q.max) / 2) - 1) low++;
      }
    }
  }
  return answers;
}
