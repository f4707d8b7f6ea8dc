const percentFormat = {
  vi: new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};
const countFormat = { vi: new Intl.NumberFormat("vi-VN"), en: new Intl.NumberFormat("en-GB") };

export const NO_VALUE = "—";

/** 83.7321 → "83,73%" (vi) / "83.73%" (en); null → "—". Rounding is for display only. */
export function formatPercent(value: number | null | undefined, locale: "vi" | "en" = "vi"): string {
  return value === null || value === undefined ? NO_VALUE : `${percentFormat[locale].format(value)}%`;
}

/** 1234 → "1.234" (vi). */
export function formatCount(value: number, locale: "vi" | "en" = "vi"): string {
  return countFormat[locale].format(value);
}

/** "2026-03-02" → "02/03/2026". */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}
