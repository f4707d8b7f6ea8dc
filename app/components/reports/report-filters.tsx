import { Form, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

export const PERIOD_KEYS = {
  month: "reports.period.month",
  quarter: "reports.period.quarter",
  half: "reports.period.half",
  nine: "reports.period.nine",
  year: "reports.period.year",
  custom: "reports.period.custom",
} as const;

export const CHANNEL_KEYS = { kiosk: "reports.channel.kiosk", online: "reports.channel.online", paper: "reports.channel.paper", phone: "reports.channel.phone" } as const;

interface FilterData {
  filters: { survey: string; unit?: string; service?: string; channel?: string; mapping: string; period: keyof typeof PERIOD_KEYS; year: number; part?: number; from?: string; to?: string };
  options: { surveys: Array<{ slug: string; title: string }>; units: Array<{ code: string; name: string; valid_to: string | null }>; services: Array<{ code: string; name: string }> };
}

/** The period picker and scope filters: a plain GET form (works without JavaScript). */
export function ReportFilters({ data }: { data: FilterData }) {
  const { t } = useTranslation();
  const f = data.filters;
  return (
    <Form method="get" className="filters report-filters">
      <label>
        {t("reports.filters.survey")}
        <select name="survey" defaultValue={f.survey}>
          {data.options.surveys.map((s) => (
            <option key={s.slug} value={s.slug}>{s.title}</option>
          ))}
        </select>
      </label>
      <label>
        {t("reports.filters.unit")}
        <select name="unit" defaultValue={f.unit ?? ""}>
          <option value="">{t("reports.filters.myScope")}</option>
          {data.options.units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}{u.valid_to ? ` (${t("reports.filters.closed")})` : ""}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("reports.filters.service")}
        <select name="service" defaultValue={f.service ?? ""}>
          <option value="">{t("reports.filters.allServices")}</option>
          {data.options.services.map((s) => (
            <option key={s.code} value={s.code}>{s.code} — {s.name}</option>
          ))}
        </select>
      </label>
      <label>
        {t("reports.filters.channel")}
        <select name="channel" defaultValue={f.channel ?? ""}>
          <option value="">{t("reports.filters.allChannels")}</option>
          {Object.entries(CHANNEL_KEYS).map(([value, key]) => (
            <option key={value} value={value}>{t(key)}</option>
          ))}
        </select>
      </label>
      <label>
        {t("reports.filters.mapping")}
        <select name="mapping" defaultValue={f.mapping}>
          <option value="as-was">{t("reports.mapping.as-was")}</option>
          <option value="current">{t("reports.mapping.current")}</option>
        </select>
      </label>
      <label>
        {t("reports.filters.period")}
        <select name="period" defaultValue={f.period}>
          {Object.entries(PERIOD_KEYS).map(([value, key]) => (
            <option key={value} value={value}>{t(key)}</option>
          ))}
        </select>
      </label>
      <label>
        {t("reports.filters.year")}
        <input type="number" name="year" min={2000} max={2100} defaultValue={f.year} />
      </label>
      <label>
        {t("reports.filters.part")}
        <input type="number" name="part" min={1} max={12} defaultValue={f.part ?? ""} aria-describedby="part-help" />
        <span id="part-help" className="note">{t("reports.filters.partHelp")}</span>
      </label>
      <label>
        {t("reports.filters.from")}
        <input type="date" name="from" defaultValue={f.from ?? ""} />
      </label>
      <label>
        {t("reports.filters.to")}
        <input type="date" name="to" defaultValue={f.to ?? ""} />
      </label>
      <button type="submit">{t("reports.filters.show")}</button>
    </Form>
  );
}

const TABS = [
  { to: "/quan-tri/bao-cao", key: "reports.tabs.overview" },
  { to: "/quan-tri/bao-cao/yeu-to", key: "reports.tabs.elements" },
  { to: "/quan-tri/bao-cao/don-vi", key: "reports.tabs.units" },
  { to: "/quan-tri/bao-cao/thu-tuc", key: "reports.tabs.services" },
] as const;

/** The report pages, keeping the chosen filters; plus print, exports and comments. */
export function ReportTabs() {
  const { t } = useTranslation();
  const { search } = useLocation();
  return (
    <nav aria-label={t("reports.tabs.label")} className="report-tabs">
      <ul>
        {TABS.map((tab) => (
          <li key={tab.to}>
            <NavLink to={`${tab.to}${search}`} end>{t(tab.key)}</NavLink>
          </li>
        ))}
        <li><a href={`/quan-tri/bao-cao/in${search}`}>{t("reports.tabs.print")}</a></li>
        <li><a href={`/quan-tri/gop-y${search}`}>{t("reports.tabs.comments")}</a></li>
      </ul>
    </nav>
  );
}
