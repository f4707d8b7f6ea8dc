import { NavLink } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { Role } from "../../db/schema";

/** Console sections and the roles that see them (the server checks again in each route). */
export const ADMIN_SECTIONS: Array<{ to: string; labelKey: string; roles: readonly Role[] }> = [
  { to: "/quan-tri", labelKey: "admin.nav.home", roles: ["admin", "analyst", "designer", "unit-manager"] },
  { to: "/quan-tri/may-danh-gia", labelKey: "kiosk.nav", roles: ["admin", "unit-manager"] },
  { to: "/quan-tri/phieu", labelKey: "console.nav.designer", roles: ["admin", "designer"] },
  { to: "/quan-tri/don-vi", labelKey: "console.nav.units", roles: ["admin", "unit-manager"] },
  { to: "/quan-tri/thu-tuc", labelKey: "console.nav.services", roles: ["admin", "unit-manager"] },
  { to: "/quan-tri/gop-y", labelKey: "console.nav.comments", roles: ["admin", "analyst", "unit-manager"] },
  { to: "/quan-tri/nguoi-dung", labelKey: "console.nav.users", roles: ["admin"] },
  { to: "/quan-tri/ma-api", labelKey: "console.nav.tokens", roles: ["admin"] },
  { to: "/quan-tri/nhat-ky", labelKey: "console.nav.audit", roles: ["admin"] },
  { to: "/quan-tri/phan-hoi", labelKey: "console.nav.responses", roles: ["admin"] },
  { to: "/quan-tri/mat-khau", labelKey: "console.nav.password", roles: ["admin", "analyst", "designer", "unit-manager"] },
  { to: "/quan-tri/bao-cao", labelKey: "reports.nav.reports", roles: ["admin", "analyst", "unit-manager"] },
  { to: "/quan-tri/chi-tieu", labelKey: "reports.nav.targets", roles: ["admin"] },
  { to: "/quan-tri/van-ban-bao-cao", labelKey: "document.settings.title", roles: ["admin"] },
];

export function AdminNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("admin.title")} className="admin-nav">
      <ul>
        {ADMIN_SECTIONS.filter((s) => s.roles.includes(role)).map((s) => (
          <li key={s.to}>
            <NavLink to={s.to} end={s.to === "/quan-tri"}>
              {t(s.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
