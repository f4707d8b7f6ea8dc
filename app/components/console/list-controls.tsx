import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** From/to date inputs of a GET filter form (plain inputs: the form works without JavaScript). */
export function DateRangeFields({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t("audit.from")}
        <input type="date" name="from" defaultValue={from} />
      </label>
      <label>
        {t("audit.to")}
        <input type="date" name="to" defaultValue={to} />
      </label>
      <button type="submit">{t("audit.filter")}</button>
    </>
  );
}

/** Newer/older links that keep the filters. */
export function Pager({ query, page, more }: { query: Record<string, string>; page: number; more: boolean }) {
  const { t } = useTranslation();
  const link = (n: number) => `?${new URLSearchParams({ ...query, page: String(n) }).toString()}`;
  return (
    <p className="op-row">
      {page > 0 ? <Link to={link(page - 1)}>{t("audit.newer")}</Link> : null}
      {more ? <Link to={link(page + 1)}>{t("audit.older")}</Link> : null}
    </p>
  );
}

/** "Saved" after a successful action that stays on the page. */
export function SavedNotice({ show }: { show: boolean | undefined }) {
  const { t } = useTranslation();
  return show ? (
    <p role="status" className="notice">
      {t("console.saved")}
    </p>
  ) : null;
}
