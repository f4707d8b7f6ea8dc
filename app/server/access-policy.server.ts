import type { Role } from "../../db/schema";

/**
 * Who may open each route (by Remix route id). Loaders and actions still check on the
 * server; this table is what the route × role test walks, and a route missing from it
 * fails that test, so no page is added without deciding who may see it.
 *   "public"   anyone (citizen pages, sign-in, the API's own checks for API routes)
 *   Role[]     signed-in users with one of these roles (others get 403, anonymous → /login)
 */
export type Access = "public" | readonly Role[];

export const ALL_ROLES: readonly Role[] = ["admin", "analyst", "designer", "unit-manager"];

export const ROUTE_ACCESS: Record<string, Access> = {
  root: "public",
  "routes/_index": "public",
  "routes/cong-khai": "public",
  "routes/login": "public",
  "routes/logout": "public",
  // The API authenticates per request (tokens, kiosks, session) — see API.md.
  "routes/api.v1.responses": "public",
  "routes/api.v1.responses.batch": "public",
  "routes/api.v1.surveys": "public",
  "routes/api.v1.surveys.$slug": "public",
  "routes/api.v1.reports.summary": "public",
  "routes/api.v1.reports.export[.]xlsx": "public",
  "routes/api.v1.reports.export[.]csv": "public",
  "routes/api.v1.reports.export-codebook[.]csv": "public",
  // Admin console.
  "routes/quan-tri": ALL_ROLES,
  "routes/quan-tri._index": ALL_ROLES,
  "routes/quan-tri.chi-tieu": ["admin"],
  "routes/quan-tri.bao-cao._index": ["admin", "analyst", "unit-manager"],
  "routes/quan-tri.bao-cao.yeu-to": ["admin", "analyst", "unit-manager"],
  "routes/quan-tri.bao-cao.don-vi": ["admin", "analyst", "unit-manager"],
  "routes/quan-tri.bao-cao.thu-tuc": ["admin", "analyst", "unit-manager"],
  "routes/quan-tri_.bao-cao.in": ["admin", "analyst", "unit-manager"],
};
