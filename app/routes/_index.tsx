import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

export const meta: MetaFunction = () => [{ title: "Hài Lòng" }];

export default function Home() {
  const { t } = useTranslation();
  return (
    <section className="home">
      <h1>{t("app.name")}</h1>
      <p className="lead">{t("app.tagline")}</p>
      <p>{t("home.intro")}</p>
      <ul className="link-list">
        <li>
          <Link to="/cong-khai">{t("home.resultsLink")}</Link>
        </li>
        <li>
          <a href="/api/v1/surveys">{t("home.apiLink")}</a>
        </li>
      </ul>
    </section>
  );
}
