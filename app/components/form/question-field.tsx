import type { Question } from "~/survey/types";
import type { FieldError } from "~/survey/validate-answers";
import { ConsentField, MultiField, Scale5Field, SingleField, SmileyField, StarsField, YesNoField } from "./choice-fields";
import { questionDomId } from "./field-shell";
import { NumberField, TextField } from "./input-fields";

interface Props {
  q: Question;
  value: string | string[] | undefined;
  error?: FieldError;
  visible: boolean;
}

/** One question with native controls; hidden (not removed) while its condition is false. */
export function QuestionField({ q, value, error, visible }: Props) {
  return (
    <div className="question-wrap" id={questionDomId(q.id)} hidden={!visible}>
      <QuestionControl q={q} value={value} error={error} />
    </div>
  );
}

function QuestionControl({ q, value, error }: Omit<Props, "visible">) {
  switch (q.type) {
    case "scale5":
      return <Scale5Field q={q} value={value} error={error} />;
    case "smiley":
      return <SmileyField q={q} value={value} error={error} />;
    case "stars":
      return <StarsField q={q} value={value} error={error} />;
    case "single":
      return <SingleField q={q} value={value} error={error} />;
    case "multi":
      return <MultiField q={q} value={value} error={error} />;
    case "yesno":
      return <YesNoField q={q} value={value} error={error} />;
    case "consent":
      return <ConsentField q={q} value={value} error={error} />;
    case "number":
      return <NumberField q={q} value={value} error={error} />;
    case "text":
      return <TextField q={q} value={value} error={error} />;
  }
}
