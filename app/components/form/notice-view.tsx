import { useTranslation } from "~/i18n/use-translation";
import { DisplayPrefsForm } from "~/components/display-prefs";
import type { NoticeView } from "./view";

// Literal keys (the i18n test reads literals): a kind page per situation, never an error dump.
const TITLES: Record<string, string> = {
  unitUnknown: "form.notice.unitUnknown.title",
  unitClosed: "form.notice.unitClosed.title",
  serviceNotOffered: "form.notice.serviceNotOffered.title",
  surveyUnavailable: "form.notice.surveyUnavailable.title",
  invitationUnknown: "form.notice.invitationUnknown.title",
  invitationUsed: "form.notice.invitationUsed.title",
  invitationExpired: "form.notice.invitationExpired.title",
  dossierRated: "form.notice.dossierRated.title",
  tampered: "form.notice.tampered.title",
  versionRetired: "form.notice.versionRetired.title",
  rateLimited: "form.notice.rateLimited.title",
  invalid: "form.notice.invalid.title",
};
const TEXTS: Record<string, string> = {
  unitUnknown: "form.notice.unitUnknown.text",
  unitClosed: "form.notice.unitClosed.text",
  serviceNotOffered: "form.notice.serviceNotOffered.text",
  surveyUnavailable: "form.notice.surveyUnavailable.text",
  invitationUnknown: "form.notice.invitationUnknown.text",
  invitationUsed: "form.notice.invitationUsed.text",
  invitationExpired: "form.notice.invitationExpired.text",
  dossierRated: "form.notice.dossierRated.text",
  tampered: "form.notice.tampered.text",
  versionRetired: "form.notice.versionRetired.text",
  rateLimited: "form.notice.rateLimited.text",
  invalid: "form.notice.invalid.text",
};

/** `withPrefs`: on the form's own routes, which hide the page footer's display buttons. */
export function NoticePage({ view, withPrefs = false }: { view: NoticeView; withPrefs?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="citizen-form notice-page" data-notice={view.notice}>
      <h1>{t(TITLES[view.notice] ?? TITLES.invalid)}</h1>
      <p className="lead">{t(TEXTS[view.notice] ?? TEXTS.invalid)}</p>
      <ul className="link-list">
        {view.restartUrl ? (
          <li>
            <a href={view.restartUrl}>{t("form.notice.restart")}</a>
          </li>
        ) : null}
        <li>
          <a href="/">{t("errors.backHome")}</a>
        </li>
      </ul>
      {withPrefs ? <DisplayPrefsForm /> : null}
    </section>
  );
}
