import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** The one error screen of every route: expected errors are thrown as responses. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error) && status < 500
    ? t(status === 404 ? "errors.notFound" : status === 403 ? "errors.forbidden" : "errors.invalid")
    : t("errors.internal");
  return (
    <section className="error-page" role="alert">
      <h1>{t("errors.pageTitle")}</h1>
      <p>
        {status} — {message}
      </p>
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </section>
  );
}
