import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { formatContact } from "./kiosk-table";

type Result =
  | { created: { kioskId: number; setupUrl: string; setupQr: string; expiresAt: string } }
  | { errors: Partial<Record<"unit" | "counter" | "survey", string>>; values: Record<string, string> };

interface Props {
  units: Array<{ code: string; name: string }>;
  surveys: Array<{ slug: string; title: { vi: string; en: string } }>;
  csrf: string;
  result?: Result;
}

export function RegisterKioskForm({ units, surveys, csrf, result }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const errors = result && "errors" in result ? result.errors : {};
  const values = result && "values" in result ? result.values : {};
  const fieldProps = (name: keyof typeof errors) =>
    errors[name] ? { "aria-invalid": true as const, "aria-describedby": `kiosk-${name}-error` } : {};
  const errorOf = (name: keyof typeof errors) =>
    errors[name] ? (
      <span id={`kiosk-${name}-error`} className="form-error">
        {t(errors[name] as string)}
      </span>
    ) : null;
  return (
    <section aria-labelledby="register-kiosk">
      <h2 id="register-kiosk">{t("kiosk.admin.registerTitle")}</h2>
      {result && "created" in result ? (
        <div className="setup-once" role="status">
          <p>
            <strong>{t("kiosk.admin.setupOnce")}</strong>
          </p>
          <p>
            <code data-testid="setup-url">{result.created.setupUrl}</code>
          </p>
          {/* SVG made on the server by the qrcode library from our own URL, never from input. */}
          <div className="qr" role="img" aria-label={t("kiosk.admin.setupQr")} data-testid="setup-qr" dangerouslySetInnerHTML={{ __html: result.created.setupQr }} />
          <p>{t("kiosk.admin.setupExpires", { when: formatContact(result.created.expiresAt) })}</p>
        </div>
      ) : null}
      <Form method="post" className="stack narrow" noValidate>
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="intent" value="register" />
        <label>
          {t("kiosk.admin.unit")}
          <select name="unit" required defaultValue={values.unit ?? ""} {...fieldProps("unit")}>
            <option value="">{t("kiosk.admin.chooseUnit")}</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name} ({u.code})
              </option>
            ))}
          </select>
          {errorOf("unit")}
        </label>
        <label>
          {t("kiosk.admin.counter")}
          <input name="counter" maxLength={60} defaultValue={values.counter ?? ""} placeholder={t("kiosk.admin.counterHint")} {...fieldProps("counter")} />
          {errorOf("counter")}
        </label>
        <label>
          {t("kiosk.admin.survey")}
          <select name="survey" defaultValue={values.survey || "nhanh"} {...fieldProps("survey")}>
            {surveys.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.title[lang]}
              </option>
            ))}
          </select>
          {errorOf("survey")}
        </label>
        <button type="submit">{t("kiosk.admin.register")}</button>
      </Form>
    </section>
  );
}
