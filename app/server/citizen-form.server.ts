import { data, redirect, type AppLoadContext } from "@remix-run/node";
import type { FormHeader, FormView, ReviewView, StepView } from "~/components/form/view";
import { pageLocale } from "~/i18n/i18n.server";
import {
  conditionContext, errorsFor, firstSectionWithError, mergeStep, missingIndexStep, neighbourSection, progressOf, rawValues, readStep,
  visibleQuestionIds, visibleSections, type RawValues,
} from "~/survey/form-steps";
import type { AnswerSet, Section, SurveyDefinition } from "~/survey/types";
import { validateAnswers, type FieldError } from "~/survey/validate-answers";
import { changeDisplayPrefs } from "./display-prefs.server";
import { FormNotice, NOTICE_STATUS, type FormBinding } from "./form-binding.server";
import { newFormState, readFormState, signFormState, type FormState } from "./form-state.server";
import { sendForm } from "./form-submit.server";
import type { AppServices } from "./services.server";
import { loadPublishedVersion } from "./survey-versions.server";

export const THANK_YOU_PATH = "/cam-on";

type Bind = (sending: boolean) => Promise<FormBinding>;

function header(def: SurveyDefinition, binding: FormBinding): FormHeader {
  return { surveyTitle: def.title, unitName: binding.unit.name, serviceName: binding.service?.name ?? null, path: binding.path };
}

interface StepExtras {
  values?: RawValues;
  errors?: Record<string, FieldError>;
  formError?: string | null;
  moreQuestions?: boolean;
  displayChanged?: boolean;
}

function stepView(services: AppServices, def: SurveyDefinition, binding: FormBinding, state: FormState, section: Section, extras: StepExtras = {}): StepView {
  const visible = visibleSections(def, state.answers);
  return {
    kind: "step",
    header: header(def, binding),
    section,
    progress: progressOf(def, state.answers, section.id),
    isFirst: visible[0]?.id === section.id,
    values: extras.values ?? rawValues(section, state.answers),
    errors: extras.errors ?? {},
    formError: extras.formError ?? null,
    moreQuestions: extras.moreQuestions ?? false,
    displayChanged: extras.displayChanged,
    context: conditionContext(def, section, state.answers),
    state: signFormState(services.hasher, state),
  };
}

function reviewView(services: AppServices, def: SurveyDefinition, binding: FormBinding, state: FormState, displayChanged?: boolean): ReviewView {
  const sections = visibleSections(def, state.answers).map((s) => ({
    ...s,
    questions: s.questions.filter((q) => state.answers[q.id] !== undefined),
  }));
  return {
    kind: "review",
    header: header(def, binding),
    progress: progressOf(def, state.answers, null),
    sections,
    answers: state.answers,
    displayChanged,
    state: signFormState(services.hasher, state),
  };
}

function noticeResponse(notice: FormNotice, headers?: HeadersInit) {
  return data<FormView>({ kind: "notice", notice: notice.notice, restartUrl: notice.restartUrl }, { status: NOTICE_STATUS[notice.notice], headers });
}

async function publishedDefinition(services: AppServices, slug: string, version?: number) {
  const loaded = await loadPublishedVersion(services.db, slug, version);
  if (!loaded) throw new FormNotice(version === undefined ? "surveyUnavailable" : "versionRetired");
  return loaded;
}

/** The first step of a freshly opened form (a new client id every time the link is opened). */
export async function formLoader(services: AppServices, bind: Bind) {
  try {
    const binding = await bind(false);
    const version = await publishedDefinition(services, binding.slug);
    const state = newFormState(binding.key, version.slug, version.version);
    const first = visibleSections(version.definition, state.answers)[0];
    return data<FormView>(stepView(services, version.definition, binding, state, first), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof FormNotice) return noticeResponse(error);
    throw error;
  }
}

/** Every post of the form: a step (next/back), a display change, an edit from review, or the final send. */
export async function formAction(context: AppLoadContext, request: Request, bind: Bind) {
  const { services } = context;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "next");
  let setCookie: string | undefined;
  try {
    const binding = await bind(intent === "submit");
    const state = readFormState(services.hasher, form.get("state"), binding.key);
    if (!state) throw new FormNotice("tampered", binding.path);
    const { definition: def } = await publishedDefinition(services, state.slug, state.version);
    const respond = (view: FormView, status = 200) => data<FormView>(view, { status, headers: setCookie ? { "Set-Cookie": setCookie } : undefined });

    if (intent === "submit") {
      // Nothing rated at all: ask kindly for at least one rating instead of storing an empty form.
      const unrated = missingIndexStep(def, state.answers);
      if (unrated) return respond(stepView(services, def, binding, state, unrated, { formError: "form.errors.noIndexAnswer" }), 400);
      const checked = validateAnswers(def, state.answers);
      const errors = checked.ok ? {} : checked.errors;
      if (checked.ok) {
        const sent = await sendForm(services, binding, state, checked.answers, await pageLocale(request), context.clientAddress);
        if (sent.ok) return redirect(THANK_YOU_PATH);
        Object.assign(errors, sent.answerErrors);
      }
      const target = firstSectionWithError(def, state.answers, errors);
      if (!target) throw new FormNotice("invalid", binding.path);
      return respond(stepView(services, def, binding, state, target, { errors }), 400);
    }
    if (intent.startsWith("edit:")) {
      const target = visibleSections(def, state.answers).find((s) => s.id === intent.slice(5));
      if (!target) throw new FormNotice("tampered", binding.path);
      return respond(stepView(services, def, binding, state, target));
    }

    const prefsChange = intent.startsWith("size:") || intent.startsWith("contrast:");
    if (prefsChange && !form.get("section")) {
      setCookie = changeDisplayPrefs(request, context, intent);
      return respond(reviewView(services, def, binding, state, true));
    }
    const section = def.sections.find((s) => s.id === form.get("section"));
    if (!section) throw new FormNotice("tampered", binding.path);
    const entries = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
    const posted = readStep(section, entries);
    if (posted.unknown.length) {
      return respond(stepView(services, def, binding, state, section, { formError: "form.errors.unknownFields" }), 400);
    }
    const next: FormState = { ...state, answers: mergeStep(def, section, state.answers, posted.answers) };

    if (prefsChange) {
      setCookie = changeDisplayPrefs(request, context, intent);
      return respond(stepView(services, def, binding, next, section, { values: posted.raw, displayChanged: true }));
    }
    if (intent === "back") {
      const previous = neighbourSection(def, next.answers, section.id, -1) ?? section;
      return respond(stepView(services, def, binding, next, previous));
    }
    const errors = errorsFor(def, next.answers, [section.id]);
    if (Object.keys(errors).length) {
      return respond(stepView(services, def, binding, next, section, { values: posted.raw, errors }), 400);
    }
    // Without JavaScript, questions that the answers just revealed have not been seen yet.
    const before = new Set(visibleQuestionIds(section, state.answers as AnswerSet));
    if (form.get("js") !== "1" && visibleQuestionIds(section, next.answers).some((id) => !before.has(id))) {
      return respond(stepView(services, def, binding, next, section, { values: posted.raw, moreQuestions: true }));
    }
    const following = neighbourSection(def, next.answers, section.id, 1);
    return respond(following ? stepView(services, def, binding, next, following) : reviewView(services, def, binding, next));
  } catch (error) {
    if (error instanceof FormNotice) return noticeResponse(error, setCookie ? { "Set-Cookie": setCookie } : undefined);
    throw error;
  }
}
