import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { CITIZEN_PAGE } from "~/page-handle";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/form.css" }];
export const meta: MetaFunction = () => [{ title: "Cảm ơn ông/bà — Hài Lòng" }];
export const handle = CITIZEN_PAGE;

/** Where every sent form ends, also after a double tap or a resend (the same response). */
export default function ThankYou() {
  const { t } = useTranslation();
  return (
    <section className="citizen-form thank-you">
      <h1>{t("form.thanks.title")}</h1>
      <p className="lead">{t("form.thanks.received")}</p>
      <h2>{t("form.thanks.howUsedTitle")}</h2>
      <ul>
        <li>{t("form.thanks.howUsed1")}</li>
        <li>{t("form.thanks.howUsed2")}</li>
        <li>{t("form.thanks.howUsed3")}</li>
      </ul>
      <ul className="link-list">
        <li>
          <a href="/cong-khai">{t("form.thanks.results")}</a>
        </li>
        <li>
          <a href="/">{t("errors.backHome")}</a>
        </li>
      </ul>
    </section>
  );
}
