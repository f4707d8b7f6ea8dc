import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const linkFor = (lng: string) => {
    const params = new URLSearchParams(location.search);
    params.set("lng", lng);
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav aria-label={t("language.label")} className="language-switch">
      {(["vi", "en"] as const).map((lng) => (
        <a key={lng} href={linkFor(lng)} hrefLang={lng} lang={lng} aria-current={i18n.language === lng ? "true" : undefined}>
          {t(lng === "vi" ? "language.vi" : "language.en")}
        </a>
      ))}
    </nav>
  );
}

export function SiteLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="site-header">
        <Link to="/" className="brand" title={t("nav.home")}>
          {t("app.name")}
        </Link>
        <nav aria-label={t("app.name")} className="site-nav">
          <Link to="/cong-khai">{t("nav.publicResults")}</Link>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
