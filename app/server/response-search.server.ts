import { searchResponses } from "../../db/queries/response-search";
import { getUnitByCode, isInSubtree } from "../../db/queries/units";
import type { Channel } from "../../db/schema";
import { normalizeDossier } from "./ingest.server";
import type { AppServices } from "./services.server";
import { pickedUnitCode } from "~/org/levels";

// Finding responses without their UUID (a citizen asking to delete what they gave knows the
// unit, the day, the channel or the dossier code): the code is hashed exactly as at submission.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CHANNELS: readonly Channel[] = ["kiosk", "online", "paper"];
export const SEARCH_PAGE = 50;

export interface SearchQuery {
  unit: string;
  from: string;
  to: string;
  channel: string;
  dossier: string;
}

export function searchQueryOf(p: URLSearchParams): SearchQuery {
  const get = (k: string) => (p.get(k) ?? "").trim().slice(0, 200);
  return {
    unit: get("unit"),
    from: DATE.test(get("from")) ? get("from") : "",
    to: DATE.test(get("to")) ? get("to") : "",
    channel: CHANNELS.includes(get("channel") as Channel) ? get("channel") : "",
    dossier: get("dossier").slice(0, 100),
  };
}

export const isSearch = (q: SearchQuery) => Boolean(q.unit || q.from || q.to || q.channel || q.dossier);

/** Matching responses in the searcher's subtree; `unknownUnit` when the unit is not theirs to search. */
export async function findResponses(services: AppServices, rootUnitId: number | null, q: SearchQuery, page: number) {
  let unitId: number | undefined;
  if (q.unit) {
    const unit = await getUnitByCode(services.db, pickedUnitCode(q.unit));
    if (!unit || (rootUnitId !== null && !(await isInSubtree(services.db, rootUnitId, unit.id)))) return { items: [], more: false, unknownUnit: true };
    unitId = unit.id;
  }
  const rows = await searchResponses(
    services.db,
    {
      rootUnitId,
      unitId,
      from: q.from || undefined,
      to: q.to || undefined,
      channel: (q.channel || undefined) as Channel | undefined,
      dossierHash: q.dossier ? services.hasher.hash("dossier", normalizeDossier(q.dossier)) : undefined,
    },
    SEARCH_PAGE + 1,
    page * SEARCH_PAGE,
  );
  return { items: rows.slice(0, SEARCH_PAGE), more: rows.length > SEARCH_PAGE, unknownUnit: false };
}
