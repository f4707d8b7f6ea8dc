import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { DEFAULT_PREFS, type DisplayPrefs, type TextSize } from "~/display-prefs";

export const PREFS_ANCHOR = "hien-thi";

const SIZES: Array<{ size: TextSize; key: string; label: string }> = [
  { size: "sm", key: "prefs.smaller", label: "A-" },
  { size: "md", key: "prefs.normal", label: "A" },
  { size: "lg", key: "prefs.larger", label: "A+" },
];

export function useDisplayPrefs(): DisplayPrefs {
  const root = useRouteLoaderData<{ prefs?: DisplayPrefs }>("root");
  return root?.prefs ?? DEFAULT_PREFS;
}

/**
 * Text size A-/A/A+ and high contrast as plain submit buttons. Inside the citizen form they
 * belong to the step's own form (name "intent"), so a change keeps the answers being typed;
 * elsewhere they post to /hien-thi, which sets the cookie and comes back.
 */
export function DisplayPrefsButtons({ name }: { name: "intent" | "change" }) {
  const { t } = useTranslation();
  const prefs = useDisplayPrefs();
  return (
    <div className="prefs-buttons" role="group" aria-labelledby="prefs-title">
      <span id="prefs-title" className="prefs-title">
        {t("prefs.title")}
      </span>
      {SIZES.map((s) => (
        <button key={s.size} type="submit" name={name} value={`size:${s.size}`} className="prefs-button" aria-pressed={prefs.size === s.size}>
          {s.label}
          <span className="visually-hidden"> {t(s.key)}</span>
        </button>
      ))}
      <button type="submit" name={name} value={prefs.contrast ? "contrast:off" : "contrast:on"} className="prefs-button" aria-pressed={prefs.contrast}>
        {t("prefs.contrast")}
      </button>
    </div>
  );
}

/** The standalone control, at the foot of every page that has no form of its own. */
export function DisplayPrefsForm() {
  const location = useLocation();
  return (
    <form method="post" action="/hien-thi" className="display-prefs" id={PREFS_ANCHOR}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <DisplayPrefsButtons name="change" />
    </form>
  );
}
