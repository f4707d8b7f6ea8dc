import type { RawValues } from "~/survey/form-steps";
import type { AnswerSet, LocalizedText, Section } from "~/survey/types";
import type { FieldError } from "~/survey/validate-answers";

// What the citizen form's loader and action send to the page: plain data, no functions.

export interface FormHeader {
  surveyTitle: LocalizedText;
  unitName: string;
  serviceName: string | null;
  /** Where the steps post (the link the citizen opened). */
  path: string;
}

export interface StepView {
  kind: "step";
  header: FormHeader;
  section: Section;
  progress: { step: number; total: number };
  isFirst: boolean;
  values: RawValues;
  errors: Record<string, FieldError>;
  /** A problem with the post as a whole (key in form.json). */
  formError: string | null;
  /** Questions appeared because of the answers just given (JavaScript off). */
  moreQuestions: boolean;
  /** Re-shown after a text size / contrast change: focus stays with those buttons. */
  displayChanged?: boolean;
  /** Answers of other steps that this step's conditions read. */
  context: AnswerSet;
  state: string;
}

export interface ReviewView {
  kind: "review";
  header: FormHeader;
  progress: { step: number; total: number };
  /** Visible sections with only their answered, visible questions. */
  sections: Section[];
  answers: AnswerSet;
  displayChanged?: boolean;
  state: string;
}

export interface NoticeView {
  kind: "notice";
  notice: string;
  restartUrl: string | null;
}

export type FormView = StepView | ReviewView | NoticeView;
