import type { Role } from "../../db/schema";
import { mayOpen } from "./access-policy.server";

/**
 * The console menu, derived from the access policy: a section shows when its route would
 * let the user in. Each role's menu starts with what that role uses every day; the rest
 * follows in this order.
 */
const SECTIONS: Array<{ to: string; routeId: string; labelKey: string }> = [
  { to: "/quan-tri", routeId: "routes/quan-tri._index", labelKey: "admin.nav.home" },
  { to: "/quan-tri/bao-cao", routeId: "routes/quan-tri.bao-cao._index", labelKey: "reports.nav.reports" },
  { to: "/quan-tri/gop-y", routeId: "routes/quan-tri.gop-y", labelKey: "console.nav.comments" },
  { to: "/quan-tri/may-danh-gia", routeId: "routes/quan-tri.may-danh-gia._index", labelKey: "kiosk.nav" },
  { to: "/quan-tri/phieu", routeId: "routes/quan-tri.phieu._index", labelKey: "console.nav.designer" },
  { to: "/quan-tri/don-vi", routeId: "routes/quan-tri.don-vi._index", labelKey: "console.nav.units" },
  { to: "/quan-tri/thu-tuc", routeId: "routes/quan-tri.thu-tuc._index", labelKey: "console.nav.services" },
  { to: "/quan-tri/nguoi-dung", routeId: "routes/quan-tri.nguoi-dung._index", labelKey: "console.nav.users" },
  { to: "/quan-tri/ma-api", routeId: "routes/quan-tri.ma-api", labelKey: "console.nav.tokens" },
  { to: "/quan-tri/phan-hoi", routeId: "routes/quan-tri.phan-hoi", labelKey: "console.nav.responses" },
  { to: "/quan-tri/nhat-ky", routeId: "routes/quan-tri.nhat-ky", labelKey: "console.nav.audit" },
  { to: "/quan-tri/dot-khao-sat", routeId: "routes/quan-tri.dot-khao-sat._index", labelKey: "rounds.nav" },
  { to: "/quan-tri/chi-tieu", routeId: "routes/quan-tri.chi-tieu", labelKey: "reports.nav.targets" },
  { to: "/quan-tri/van-ban-bao-cao", routeId: "routes/quan-tri.van-ban-bao-cao", labelKey: "document.settings.title" },
  { to: "/quan-tri/mat-khau", routeId: "routes/quan-tri.mat-khau", labelKey: "console.nav.password" },
];

/** Where each role starts: its first menu entry. */
const LEADS: Record<Role, string[]> = {
  analyst: ["/quan-tri/bao-cao", "/quan-tri/gop-y"],
  designer: ["/quan-tri/phieu"],
  "unit-manager": ["/quan-tri/may-danh-gia", "/quan-tri/gop-y", "/quan-tri/bao-cao"],
  admin: ["/quan-tri"],
};

export type MenuSection = { to: string; labelKey: string };

export function menuOf(user: { role: Role; unitId: number | null }): MenuSection[] {
  const open = SECTIONS.filter((s) => mayOpen(s.routeId, user));
  const leads = LEADS[user.role];
  const rank = (to: string) => (leads.includes(to) ? leads.indexOf(to) : leads.length);
  return open
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s.to) - rank(b.s.to) || a.i - b.i)
    .map(({ s }) => ({ to: s.to, labelKey: s.labelKey }));
}

/** The page a user lands on after signing in to /quan-tri. */
export function homeOf(user: { role: Role }): string {
  return LEADS[user.role][0] ?? "/quan-tri";
}
