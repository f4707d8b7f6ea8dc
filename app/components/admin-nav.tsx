import { NavLink } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** The console menu the server derived from the access policy for this user (console-menu.server.ts). */
export function AdminNav({ sections }: { sections: ReadonlyArray<{ to: string; labelKey: string }> }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("admin.title")} className="admin-nav">
      <ul>
        {sections.map((s) => (
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
