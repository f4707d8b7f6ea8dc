import { z } from "zod";
import type { Db } from "../../db/index";
import { setUnitServices } from "../../db/queries/org";
import { listOfferings, listServices, offerServices } from "../../db/queries/services";
import { listUnits } from "../../db/queries/units";
import type { ImportIssue } from "./import-issues.server";
import { codeSchema, parseRows, runImport, type Importer, type ImportReport, type RowOutcome } from "./imports.server";

// Which TTHC each unit handles (`unit,service`, one row per pair), for a whole province at
// once: the CLI's `import-offerings` and the console's import page. Same reader and
// all-or-nothing rules as the catalogues. Without `replace` a file only adds offerings; with
// it, the file becomes the whole list of every unit it names (units it does not name keep
// theirs), and the offerings it takes away are reported and audited.

export const OFFERING_COLUMNS = ["unit", "service"] as const;

const offeringRowSchema = z.object({ unit: codeSchema, service: codeSchema });

/** A row's name in the report, and a removed offering's: unit/service. */
const keyOf = (v: { unit?: string; service?: string }) => (v.unit?.trim() && v.service?.trim() ? `${v.unit.trim()}/${v.service.trim()}` : "");

function offerings(replace: boolean): Importer {
  return {
    columns: OFFERING_COLUMNS,
    entity: "unit-service",
    async plan(db, rows) {
      const parsed = parseRows(rows, offeringRowSchema, [], keyOf);
      const units = new Map((await listUnits(db)).map((u) => [u.code, u]));
      const services = new Map((await listServices(db)).map((s) => [s.code, s]));
      const serviceCode = new Map([...services.values()].map((s) => [s.id, s.code]));
      const current = new Set((await listOfferings(db)).map((o) => `${o.unit_id}:${o.service_id}`));
      const outcomes: RowOutcome[] = [...parsed.rejected];
      /** unit id → the service ids the file gives it. */
      const named = new Map<number, Set<number>>();
      for (const o of parsed.valid) {
        const unit = units.get(o.unit);
        const service = services.get(o.service);
        const issues: ImportIssue[] = [];
        if (!unit) issues.push({ key: "unitUnknown", params: { code: o.unit } });
        if (!service) issues.push({ key: "serviceUnknown", params: { code: o.service } });
        if (!unit || !service) {
          outcomes.push({ row: o.row, code: keyOf(o), status: "rejected", issues });
          continue;
        }
        if (!named.has(unit.id)) named.set(unit.id, new Set());
        named.get(unit.id)!.add(service.id);
        outcomes.push({ row: o.row, code: keyOf(o), status: current.has(`${unit.id}:${service.id}`) ? "unchanged" : "added", issues: [] });
      }
      const removed: string[] = [];
      if (replace) {
        const unitCode = new Map([...units.values()].map((u) => [u.id, u.code]));
        for (const key of current) {
          const [unitId, serviceId] = key.split(":").map(Number);
          if (named.get(unitId) && !named.get(unitId)!.has(serviceId)) removed.push(`${unitCode.get(unitId)}/${serviceCode.get(serviceId)}`);
        }
        removed.sort();
      }
      return {
        outcomes,
        removed,
        async write(trx) {
          for (const [unitId, serviceIds] of named) {
            if (replace) await setUnitServices(trx, unitId, [...serviceIds]);
            else await offerServices(trx, unitId, [...serviceIds]);
          }
          return outcomes;
        },
      };
    },
  };
}

/** Reads a unit,service file (CSV or XLSX) and previews or commits it. */
export function importOfferingsFile(db: Db, bytes: Uint8Array, opts: { actor: string; dryRun?: boolean; replace?: boolean }): Promise<ImportReport> {
  return runImport(db, offerings(opts.replace === true), bytes, opts);
}
