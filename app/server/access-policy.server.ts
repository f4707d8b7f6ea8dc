import { ROLES, type Role } from "../../db/schema";

/**
 * Who may open each route (by Remix route id). Loaders and actions still check on the
 * server; this table is what the route × role test walks, and a route missing from it
 * fails that test, so no page is added without deciding who may see it.
 *   "public"   anyone (citizen pages, sign-in, the API's own checks for API routes)
 *   Role[]     signed-in users with one of these roles (others get 403, anonymous → /login)
 */
export type Access = "public" | readonly Role[];

export const ALL_ROLES: readonly Role[] = ROLES;

export const ROUTE_ACCESS: Record<string, Access> = {
  root: "public",
  "routes/_index": "public",
  "routes/cong-khai": "public",
  "routes/login": "public",
  "routes/logout": "public",
  // Citizen online form (issue 3).
  "routes/danh-gia.$unitCode._index": "public",
  "routes/danh-gia.$unitCode.$serviceCode": "public",
  "routes/moi.$token": "public",
  "routes/ma-phieu": "public",
  "routes/cam-on": "public",
  "routes/hien-thi": "public",
  // The API authenticates per request (tokens, kiosks, session) — see docs/api.md.
  "routes/api.v1.responses": "public",
  "routes/api.v1.responses.batch": "public",
  "routes/api.v1.surveys": "public",
  "routes/api.v1.surveys.$slug": "public",
  "routes/api.v1.reports.summary": "public",
  "routes/api.v1.kiosk.config": "public",
  "routes/api.v1.kiosks.$id.next": "public",
  "routes/api.v1.invitations": "public",
  "routes/api.v1.openapi[.]json": "public",
  "routes/api.v1.federation.snapshots": "public",
  // Survey rounds (issue 11): the API checks roles and subtrees per request.
  "routes/api.v1.rounds": "public",
  "routes/api.v1.rounds.$id": "public",
  "routes/api.v1.rounds.$id.frame": "public",
  "routes/api.v1.rounds.$id.draw": "public",
  "routes/api.v1.rounds.$id.close": "public",
  "routes/api.v1.rounds.$id.progress": "public",
  "routes/api.v1.rounds.$id.email": "public",
  "routes/api.v1.rounds.$id.undeliverable": "public",
  "routes/api.v1.rounds.$id.sample[.]csv": "public",
  "routes/api.v1.rounds.$id.letters[.]pdf": "public",
  "routes/api.v1.rounds.$id.sms[.]csv": "public",
  // Kiosk devices authenticate with their device token, not a session.
  "routes/kiosk._index": "public",
  "routes/kiosk.setup.$code": "public",
  // Admin console.
  "routes/quan-tri": ALL_ROLES,
  "routes/quan-tri._index": ALL_ROLES,
  "routes/quan-tri.may-danh-gia._index": ["admin", "unit-manager"],
  "routes/quan-tri.may-danh-gia.$id.quay": ["admin", "unit-manager"],
  "routes/quan-tri.mat-khau": ALL_ROLES,
  "routes/quan-tri.nguoi-dung._index": ["admin"],
  "routes/quan-tri.nguoi-dung.$id": ["admin"],
  "routes/quan-tri.phieu._index": ["admin", "designer"],
  "routes/quan-tri.phieu.$id": ["admin", "designer"],
  "routes/quan-tri.phieu.$id.json": ["admin", "designer"],
  "routes/quan-tri.don-vi._index": ["admin", "unit-manager"],
  "routes/quan-tri.don-vi.$code": ["admin", "unit-manager"],
  "routes/quan-tri.thu-tuc._index": ["admin", "unit-manager"],
  "routes/quan-tri.nhap.$kind": ["admin"],
  "routes/quan-tri.ma-api": ["admin"],
  "routes/quan-tri.nhat-ky": ["admin"],
  "routes/quan-tri.phan-hoi": ["admin"],
  "routes/quan-tri.gop-y": ["admin", "analyst", "unit-manager"],
  "routes/quan-tri.dot-khao-sat._index": ["admin", "unit-manager"],
  "routes/quan-tri.dot-khao-sat.$id": ["admin", "unit-manager"],
  // Reports and exports.
  "routes/api.v1.reports.export[.]xlsx": "public",
  "routes/api.v1.reports.export[.]csv": "public",
  "routes/api.v1.reports.export-codebook[.]csv": "public",
  "routes/api.v1.reports.report[.]docx": "public",
  "routes/api.v1.reports.report[.]pdf": "public",
  "routes/quan-tri.van-ban-bao-cao": ["admin"],
  "routes/quan-tri.chi-tieu": ["admin"],
  "routes/quan-tri.bao-cao._index": ["admin", "analyst", "unit-manager"],
  "routes/quan-tri.bao-cao.yeu-to": ["admin", "analyst", "unit-manager"],
  "routes/quan-tri.bao-cao.don-vi": ["admin", "analyst", "unit-manager"],
  "routes/quan-tri.bao-cao.thu-tuc": ["admin", "analyst", "unit-manager"],
  "routes/quan-tri_.bao-cao.in": ["admin", "analyst", "unit-manager"],
};

/**
 * Routes whose actions (changes) admit fewer roles than their loaders (reading). The console
 * checks these in every action and the route × role test walks them too.
 */
export const ACTION_ACCESS: Record<string, readonly Role[]> = {
  "routes/quan-tri.don-vi._index": ["admin"],
  "routes/quan-tri.thu-tuc._index": ["admin"],
  "routes/quan-tri.gop-y": ["admin", "unit-manager"],
  "routes/quan-tri.dot-khao-sat._index": ["admin"],
  "routes/quan-tri.dot-khao-sat.$id": ["admin"],
};

/**
 * Routes that read or change records of the whole province (the audit log of everyone, survey
 * versions, the TTHC catalogue, the unit tree, imports, official targets): only callers
 * whose subtree is the whole province. "page" = loader and action, "action" = changes only.
 * Everything else is filtered to the caller's subtree by the route itself.
 */
export const PROVINCE_WIDE: Record<string, "page" | "action"> = {
  "routes/quan-tri.nhat-ky": "page",
  "routes/quan-tri.nhap.$kind": "page",
  "routes/quan-tri.phieu._index": "action",
  "routes/quan-tri.phieu.$id": "action",
  "routes/quan-tri.thu-tuc._index": "action",
  "routes/quan-tri.don-vi._index": "action",
  "routes/quan-tri.chi-tieu": "action",
};

/** The one access decision of a console route: role, then whole-province routes. */
export function mayOpen(routeId: string, caller: { role: Role; unitId: number | null }, change = false): boolean {
  const access = change ? (ACTION_ACCESS[routeId] ?? ROUTE_ACCESS[routeId]) : ROUTE_ACCESS[routeId];
  if (access === undefined) return false;
  if (access === "public") return true;
  if (!access.includes(caller.role)) return false;
  const wide = PROVINCE_WIDE[routeId];
  return caller.unitId === null || !(wide === "page" || (wide === "action" && change));
}
