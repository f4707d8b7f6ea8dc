import { pageLocale } from "~/i18n/i18n.server";
import { loadDashboard, type DashboardParts } from "./dashboard.server";
import type { AppServices } from "./services.server";
import { requireConsoleUser } from "./console.server";

/** Loader body of every report page: report roles only, data of the user's subtree only. */
export async function reportPage(services: AppServices, request: Request, routeId: string, parts: DashboardParts = {}) {
  const user = await requireConsoleUser(services, request, routeId);
  const data = await loadDashboard(services, user, new URL(request.url).searchParams, await pageLocale(request), parts);
  const q = new URLSearchParams({ survey: data.filters.survey, from: data.range.from, to: data.range.to, mapping: data.filters.mapping });
  for (const key of ["unit", "service", "channel"] as const) if (data.filters[key]) q.set(key, data.filters[key]!);
  return { ...data, exportQuery: q.toString() };
}
