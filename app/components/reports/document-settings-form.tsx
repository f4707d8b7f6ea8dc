import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ariaFor, Field, FieldError, type Errors } from "~/components/console/field";

export interface RootSettings {
  code: string;
  name: string;
  settings: { parentBody: string; issuer: string; shortCode: string; place: string; signerTitle: string; signerName: string; recipients: string[] };
}

const FIELDS = [
  ["parentBody", "document.settings.parentBody"],
  ["issuer", "document.settings.issuer"],
  ["shortCode", "document.settings.shortCode"],
  ["place", "document.settings.place"],
  ["signerTitle", "document.settings.signerTitle"],
  ["signerName", "document.settings.signerName"],
] as const;

/** One province's issuer, signer and recipients for the report document (NĐ 30/2020 form). */
export function DocumentSettingsForm({ root, csrf, errors, saved }: { root: RootSettings; csrf: string; errors: Errors; saved: boolean }) {
  const { t } = useTranslation();
  const s = root.settings;
  const id = (name: string) => `${root.code}-${name}`;
  return (
    <Form method="post" className="stack" aria-labelledby={id("title")}>
      <h2 id={id("title")}>{root.name}</h2>
      {saved ? <p role="status" className="badge ok">{t("document.settings.saved")}</p> : null}
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="root" value={root.code} />
      {FIELDS.map(([name, label]) => (
        <Field key={name} name={name} label={t(label)} errors={errors} defaultValue={s[name]} required={name !== "parentBody" && name !== "signerName"} />
      ))}
      <label className="field">
        <span>{t("document.settings.recipients")}</span>
        <textarea name="recipients" rows={4} defaultValue={s.recipients.join("\n")} {...ariaFor("recipients", errors)} />
        <FieldError name="recipients" errors={errors} />
      </label>
      <button type="submit">{t("document.settings.save")}</button>
    </Form>
  );
}

/** Links to the report document of the page's filters, shown on every report page. */
export function DocumentLinks({ query }: { query: string }) {
  const { t } = useTranslation();
  return (
    <p className="export-links document-links">
      <span>{t("document.settings.download")}</span> <a href={`/api/v1/reports/report.docx?${query}`}>{t("document.settings.docx")}</a>{" "}
      <a href={`/api/v1/reports/report.pdf?${query}`}>{t("document.settings.pdf")}</a>
    </p>
  );
}
