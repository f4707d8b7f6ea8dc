import { NoticePage } from "./notice-view";
import { ReviewStep } from "./review-step";
import { StepForm } from "./step-form";
import type { FormView } from "./view";

/** The citizen form's page body for whatever the loader or the last post returned. */
export function CitizenFormPage({ view }: { view: FormView }) {
  if (view.kind === "notice") return <NoticePage view={view} />;
  if (view.kind === "review") return <ReviewStep key={view.state} view={view} />;
  return <StepForm key={view.state} view={view} />;
}
