import { servicesOfUnit } from "../../db/queries/services";
import { getUnitByCode } from "../../db/queries/units";
import { vnDate } from "~/metrics/periods";
import { DEFAULT_ONLINE_SURVEY, FormNotice } from "./form-binding.server";
import type { AppServices } from "./services.server";

/** Lower case without Vietnamese marks, so "dang ky khai sinh" finds "Đăng ký khai sinh". */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().trim();
}

export interface PickerData {
  unit: { code: string; name: string };
  services: Array<{ code: string; name: string; field: string; href: string }>;
  total: number;
  q: string;
  phieu: string | null;
}

/** The services a unit offers, filtered by a plain GET search (`?q=`), each linking to its form. */
export async function loadServicePicker(services: AppServices, unitCode: string, params: URLSearchParams, now = new Date()): Promise<PickerData> {
  const unit = await getUnitByCode(services.db, unitCode);
  if (!unit) throw new FormNotice("unitUnknown");
  if (unit.valid_to && unit.valid_to <= vnDate(now)) throw new FormNotice("unitClosed");
  const all = await servicesOfUnit(services.db, unit.id);
  const q = (params.get("q") ?? "").slice(0, 100).trim();
  const words = foldText(q).split(/\s+/).filter(Boolean);
  const phieuParam = params.get("phieu");
  const phieu = phieuParam && /^[a-z0-9][a-z0-9-]{0,62}$/.test(phieuParam) && phieuParam !== DEFAULT_ONLINE_SURVEY ? phieuParam : null;
  const matches = all.filter((s) => {
    const hay = foldText(`${s.name} ${s.code} ${s.field}`);
    return words.every((w) => hay.includes(w));
  });
  const base = `/danh-gia/${encodeURIComponent(unit.code)}`;
  return {
    unit: { code: unit.code, name: unit.name },
    services: matches.map((s) => ({
      code: s.code,
      name: s.name,
      field: s.field,
      href: `${base}/${encodeURIComponent(s.code)}${phieu ? `?phieu=${phieu}` : ""}`,
    })),
    total: all.length,
    q,
    phieu,
  };
}
