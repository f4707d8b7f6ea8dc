import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CHANNEL_KEYS } from "~/components/reports/report-filters";
import { formatDateTime } from "./format-time";
import { Pager } from "./list-controls";
import { UnitInput } from "./unit-input";

type Query = { id: string; unit: string; from: string; to: string; channel: string; dossier: string };
interface Found {
  id: string;
  submitted_at: string;
  channel: keyof typeof CHANNEL_KEYS;
  unit_code: string;
  unit_name: string;
  service_name: string | null;
  title_vi: string;
}

/** Find a response by its id, or by unit, days, channel and dossier code (a plain GET form). */
export function ResponseSearchForm({ query, units }: { query: Query; units: Array<{ code: string; name: string }> }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filters" role="search" aria-label={t("responses.searchTitle")}>
      <label>
        {t("responses.id")}
        <input name="id" defaultValue={query.id} size={38} />
      </label>
      <label>
        {t("responses.dossier")}
        <input name="dossier" defaultValue={query.dossier} autoComplete="off" />
      </label>
      <UnitInput name="unit" label={t("users.unit")} units={units} defaultValue={query.unit} errors={undefined} />
      <label>
        {t("audit.from")}
        <input type="date" name="from" defaultValue={query.from} />
      </label>
      <label>
        {t("audit.to")}
        <input type="date" name="to" defaultValue={query.to} />
      </label>
      <label>
        {t("reports.filters.channel")}
        <select name="channel" defaultValue={query.channel}>
          <option value="">{t("audit.all")}</option>
          {Object.entries(CHANNEL_KEYS).map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t("responses.find")}</button>
    </Form>
  );
}

export function ResponseResults({ items, more, page, query }: { items: Found[]; more: boolean; page: number; query: Record<string, string> }) {
  const { t } = useTranslation();
  if (!items.length) return <p>{t("responses.errors.noneFound")}</p>;
  return (
    <>
      <table>
        <caption>{t("responses.results")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("responses.submittedAt")}</th>
            <th scope="col">{t("users.unit")}</th>
            <th scope="col">{t("responses.service")}</th>
            <th scope="col">{t("reports.filters.channel")}</th>
            <th scope="col">{t("responses.survey")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`?id=${r.id}`}>{formatDateTime(r.submitted_at)}</Link>
              </td>
              <td>{r.unit_name}</td>
              <td>{r.service_name ?? "—"}</td>
              <td>{t(CHANNEL_KEYS[r.channel])}</td>
              <td>{r.title_vi}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager query={query} page={page} more={more} />
    </>
  );
}
