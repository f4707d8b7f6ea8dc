import type { ShouldRevalidateFunction } from "@remix-run/react";
import { useActionData, useLoaderData } from "@remix-run/react";
import { NoticePage } from "./notice-view";
import { ReviewStep } from "./review-step";
import { StepForm } from "./step-form";
import type { FormView } from "./view";

/** The citizen form's page body for whatever the loader or the last post returned. */
export function CitizenFormPage({ view }: { view: FormView }) {
  if (view.kind === "notice") return <NoticePage view={view} withPrefs />;
  if (view.kind === "review") return <ReviewStep key={view.state} view={view} />;
  return <StepForm key={view.state} view={view} />;
}

/** The page of a form route: the last post's answer, else the loader's first step. */
export function FormRoutePage() {
  const loaded = useLoaderData<FormView>();
  const posted = useActionData<FormView>();
  return <CitizenFormPage view={posted ?? loaded} />;
}

// A step post answers with the next step itself: reloading the first step would only waste work.
export const formShouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === "POST" ? false : defaultShouldRevalidate;
