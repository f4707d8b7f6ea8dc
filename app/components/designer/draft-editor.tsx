import { useTranslation } from "~/i18n/use-translation";
import { Csrf } from "../console/field";
import { BoolInput, DraftError, LocalizedInputs, OpButton, TextInput, fieldId, type DraftErrors } from "./inputs";
import { QuestionEditor } from "./question-editor";
import { ConditionInput } from "./condition-input";
import { describePath } from "~/survey/draft-paths";

type Loose = Record<string, unknown>;
const arr = (v: unknown): Loose[] => (Array.isArray(v) ? (v as Loose[]) : []);

/**
 * The whole draft as one server-rendered form: every button posts all of it, so nothing typed
 * is lost. A plain <form> (a full page post), which also works without JavaScript.
 */
export function DraftEditor({ doc, errors, csrf }: { doc: Loose; errors: DraftErrors; csrf: string }) {
  const { t } = useTranslation();
  const index = (doc.index ?? {}) as Loose;
  const aspects = arr(index.aspects);
  const errorList = Object.entries(errors);
  // A condition reads answers given earlier: the questions before (section si, question qi).
  const questionsBefore = (si: number, qi: number) =>
    arr(doc.sections).flatMap((s, i) => arr(s.questions).filter((_, j) => i < si || (i === si && j < qi)))
      .map((q) => ({ id: String(q.id ?? ""), label: String((q.label as Loose | undefined)?.vi ?? "") }))
      .filter((q) => q.id !== "");
  return (
    <form method="post" className="draft-editor">
      <Csrf token={csrf} />
      <input type="hidden" name="schemaVersion" value={String(doc.schemaVersion ?? 1)} />
      <input type="hidden" name="slug" value={String(doc.slug ?? "")} />
      {"index" in doc ? <input type="hidden" name="index@" value="1" /> : null}
      {"aspects" in index ? <input type="hidden" name="index.aspects@" value="1" /> : null}
      <div className="op-row sticky-actions">
        <button type="submit" name="op" value="save">
          {t("designer.saveDraft")}
        </button>
        <button
          type="submit"
          name="op"
          value="publish"
          className="secondary"
          // Publishing is final (a version never changes once citizens answer it): ask first.
          onClick={(e) => {
            if (!window.confirm(t("designer.publishConfirm"))) e.preventDefault();
          }}
        >
          {t("designer.publish")}
        </button>
      </div>
      {errorList.length ? (
        <div role="alert" className="error-summary">
          <h2>{t("designer.errorsTitle", { count: errorList.length })}</h2>
          <ul>
            {errorList.slice(0, 50).map(([path, message]) => (
              <li key={path}>
                <a href={`#${fieldId(path)}`}>{describePath(doc, path).map((part) => t(part.key, part.params)).join(" · ") || t("designer.path.survey")}</a>: {message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <DraftError name="form" errors={errors} />
      <LocalizedInputs name="title" label={t("designer.surveyTitle")} value={doc.title} errors={errors} multiline />
      <LocalizedInputs name="description" label={t("designer.description")} value={doc.description} errors={errors} multiline />
      <LocalizedInputs name="source" label={t("designer.source")} value={doc.source} errors={errors} multiline />
      <fieldset id={fieldId("index")}>
        <legend>{t("designer.indexTitle")}</legend>
        <DraftError name="index" errors={errors} />
        <div className="grid-2">
          <label className="field">
            <span>{t("designer.aggregation")}</span>
            <select name="index.aggregation" defaultValue={String(index.aggregation ?? "")}>
              <option value="">{t("designer.default")}</option>
              <option value="mean-of-items">{t("designer.meanOfItems")}</option>
              <option value="pooled">{t("designer.pooled")}</option>
              <option value="pooled-all">{t("designer.pooledAll")}</option>
            </select>
          </label>
          <label className="field">
            <span>{t("designer.parentAggregation")}</span>
            <select name="index.parentAggregation" defaultValue={String(index.parentAggregation ?? "")}>
              <option value="">{t("designer.default")}</option>
              <option value="pooled">{t("designer.pooled")}</option>
              <option value="mean-of-children">{t("designer.meanOfChildren")}</option>
            </select>
          </label>
        </div>
        <DraftError name="index.aspects" errors={errors} />
        {aspects.map((a, ai) => (
          <div key={ai} className="option-row">
            <TextInput name={`index.aspects.${ai}.id`} label={t("designer.aspectId")} value={a.id} errors={errors} />
            <LocalizedInputs name={`index.aspects.${ai}.title`} label={`${t("designer.aspect")} ${ai + 1}`} value={a.title} errors={errors} />
            <OpButton op={`remove-aspect:${ai}`}>{t("designer.removeAspect")}</OpButton>
          </div>
        ))}
        <OpButton op="add-aspect">{t("designer.addAspect")}</OpButton>
      </fieldset>
      <DraftError name="sections" errors={errors} />
      {arr(doc.sections).map((s, si) => {
        const path = `sections.${si}`;
        return (
          <fieldset key={si} className="section" id={fieldId(path)}>
            <legend>
              {t("designer.section")} {si + 1}: <code>{String(s.id ?? "")}</code>
            </legend>
            <DraftError name={path} errors={errors} />
            <TextInput name={`${path}.id`} label={t("designer.id")} value={s.id} errors={errors} />
            <LocalizedInputs name={`${path}.title`} label={t("designer.sectionTitle")} value={s.title} errors={errors} />
            <LocalizedInputs name={`${path}.description`} label={t("designer.description")} value={s.description} errors={errors} multiline />
            <BoolInput name={`${path}.element`} label={t("designer.element")} value={s.element === true} present={"element" in s} errors={errors} />
            <label className="field">
              <span>{t("designer.aspect")}</span>
              <select id={fieldId(`${path}.aspect`)} name={`${path}.aspect`} defaultValue={String(s.aspect ?? "")}>
                <option value="">{t("designer.noAspect")}</option>
                {[...new Set([...aspects.map((a) => String(a.id)), ...(s.aspect ? [String(s.aspect)] : [])])].map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
              </select>
              <DraftError name={`${path}.aspect`} errors={errors} />
            </label>
            <ConditionInput name={`${path}.visibleIf`} value={s.visibleIf} errors={errors} questions={questionsBefore(si, 0)} />
            <DraftError name={`${path}.questions`} errors={errors} />
            {arr(s.questions).map((q, qi) => (
              <QuestionEditor key={qi} q={q} path={`${path}.questions.${qi}`} si={si} qi={qi} errors={errors} earlier={questionsBefore(si, qi)} />
            ))}
            <div className="op-row">
              <OpButton op={`add-question:${si}`}>{t("designer.addQuestion")}</OpButton>
              <OpButton op={`up-section:${si}`}>{t("designer.upSection")}</OpButton>
              <OpButton op={`remove-section:${si}`}>{t("designer.removeSection")}</OpButton>
            </div>
          </fieldset>
        );
      })}
      <div className="op-row">
        <OpButton op="add-section">{t("designer.addSection")}</OpButton>
        <button type="submit" name="op" value="save">
          {t("designer.saveDraft")}
        </button>
      </div>
    </form>
  );
}
