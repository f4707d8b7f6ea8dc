import { useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { DisplayPrefsButtons, PREFS_ANCHOR } from "~/components/display-prefs";

/**
 * The foot of every step: the main button first (Enter in a field submits it), "Quay lại"
 * below it, then the display buttons, all submitting the step's own form.
 */
export function StepNav({ intent, label, back }: { intent: string; label: string; back: string | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <>
      <div className="step-nav">
        <button type="submit" name="intent" value={intent} disabled={navigation.state === "submitting"}>
          {label}
        </button>
        {back ? (
          <button type="submit" name="intent" value={back} className="secondary">
            {t("form.back")}
          </button>
        ) : null}
      </div>
      <div className="display-prefs" id={PREFS_ANCHOR}>
        <DisplayPrefsButtons name="intent" />
      </div>
    </>
  );
}
