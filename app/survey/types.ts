// The survey-definition format (schemaVersion 1). Plain types so client components can use
// them without pulling zod into the bundle; `definition-schema.server.ts` checks documents
// against the same shape.

export type Locale = "vi" | "en";
export type LocalizedText = { vi: string; en: string };

export type ConditionOp = "eq" | "ne" | "lt" | "lte" | "gt" | "gte" | "in" | "answered" | "not-answered";

export interface Comparison {
  q: string;
  op: ConditionOp;
  value?: number | string | Array<number | string>;
}

export type Condition = Comparison | { all: Condition[] } | { any: Condition[] };

export interface Option {
  id: string;
  label: LocalizedText;
}

interface QuestionBase {
  id: string;
  label: LocalizedText;
  help?: LocalizedText;
  required?: boolean;
  visibleIf?: Condition;
}

/** The official 5-level satisfaction scale; codes 1..5, never labels. */
export interface Scale5Question extends QuestionBase {
  type: "scale5";
  /** Offer "Không áp dụng" (stored as the explicit missing value "na"). */
  allowNA?: boolean;
  /** false keeps the item out of the index even inside an element section. */
  index?: boolean;
}
export interface SingleQuestion extends QuestionBase {
  type: "single";
  options: Option[];
}
export interface MultiQuestion extends QuestionBase {
  type: "multi";
  options: Option[];
  maxSelected?: number;
}
export interface TextQuestion extends QuestionBase {
  type: "text";
  multiline?: boolean;
  maxLength?: number;
  /** Personal data (name, phone, ID): only allowed with a consent question. */
  personal?: boolean;
}
export interface NumberQuestion extends QuestionBase {
  type: "number";
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: LocalizedText;
}
export interface StarsQuestion extends QuestionBase {
  type: "stars";
  max: number;
}
export interface SmileyQuestion extends QuestionBase {
  type: "smiley";
  levels: 3 | 5;
}
export interface YesNoQuestion extends QuestionBase {
  type: "yesno";
}
/** An explicit consent tick; personal questions require one that is answered "yes". */
export interface ConsentQuestion extends QuestionBase {
  type: "consent";
}

export type Question =
  | Scale5Question
  | SingleQuestion
  | MultiQuestion
  | TextQuestion
  | NumberQuestion
  | StarsQuestion
  | SmileyQuestion
  | YesNoQuestion
  | ConsentQuestion;

export type QuestionType = Question["type"];

export interface Section {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** The section's scale5 questions form one index element (yếu tố). */
  element?: boolean;
  /** Aspect (khía cạnh) the element belongs to, for designs with aspects. */
  aspect?: string;
  visibleIf?: Condition;
  questions: Question[];
}

/**
 * `pooled-all`: the Ministry of Health's rate — Σ answers 4–5 ÷ Σ valid answers over every
 * item of the form, at every level (elements and aspects pooled over their items too).
 */
export type ItemAggregation = "mean-of-items" | "pooled" | "pooled-all";
export type ParentAggregation = "pooled" | "mean-of-children";

export interface Aspect {
  id: string;
  title: LocalizedText;
}

export interface SurveyDefinition {
  schemaVersion: 1;
  slug: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Where the instrument comes from (decision number), and what is reconstructed. */
  source?: LocalizedText;
  index?: {
    aggregation?: ItemAggregation;
    parentAggregation?: ParentAggregation;
    aspects?: Aspect[];
  };
  sections: Section[];
}

export interface IndexElement {
  id: string;
  title: LocalizedText;
  items: string[];
}

export interface IndexAspect {
  id: string;
  title: LocalizedText;
  elements: IndexElement[];
}

/** What the index engine needs to know about a survey version (docs/api.md `indexModel`). */
export interface IndexModel {
  aggregation: ItemAggregation;
  parentAggregation: ParentAggregation;
  aspects: IndexAspect[];
}

/** A validated answer: a number (scale, stars, number), option id(s), text, "yes"/"no", or "na". */
export type AnswerValue = number | string | string[];
export type AnswerSet = Record<string, AnswerValue>;
