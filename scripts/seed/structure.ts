import type { Db } from "../../db/index";
import { appendAudit, insertKiosk } from "../../db/queries/credentials";
import { offerServices, upsertService } from "../../db/queries/services";
import { closeUnit, upsertUnit } from "../../db/queries/units";
import type { Hasher } from "../../app/server/secrets.server";
import { newToken } from "../../app/server/secrets.server";
import { DEPARTMENTS } from "./data/departments";
import { CENTRE, CLOSED_UNITS, COMMUNES, PROVINCE, REFORM_DATE } from "./data/province";
import { TTHC } from "./data/tthc";
import { type Rng } from "./prng";

// The demo province's catalogue: units (with two closed pre-reform units and their
// successors), TTHC offered by level, and kiosks. Written in one transaction by the caller.

export type SeedUnitKind = "department" | "centre" | "commune" | "closed";

export interface SeedUnit {
  id: number;
  code: string;
  kind: SeedUnitKind;
  /** Relative share of responses. */
  weight: number;
  /** Base chance that a respondent is satisfied with an average item (0.70–0.95 spread). */
  quality: number;
  validFrom: string | null;
  validTo: string | null;
  kioskIds: number[];
  serviceIds: number[];
  /** Relative popularity of each offered service (same order as serviceIds). */
  serviceWeights: number[];
}

export interface SeedStructure {
  units: SeedUnit[];
  serviceCount: number;
  codeOfService: Map<number, string>;
}

// Everyday procedures get most of the traffic.
const POPULAR: Record<string, number> = {
  "2.000815": 14, "1.001193": 10, "2.000884": 6, "1.004222": 6, "1.004194": 5, "1.000894": 4,
  "1.000656": 3, "2.000635": 3, "1.004873": 3, "1.001612": 3, "1.012783": 8, "3.000333": 7,
  "3.000347": 6, "1.014199": 3, "1.013225": 2,
};

export async function createStructure(trx: Db, rng: Rng, hasher: Hasher, now: string, actor: string): Promise<SeedStructure> {
  await upsertUnit(trx, { code: PROVINCE.code, name: PROVINCE.name, level: PROVINCE.level, parentCode: null }, now);
  const specs: Array<{ code: string; name: string; level: string; kind: SeedUnitKind; weight: number; validFrom: string | null; validTo: string | null; fields?: readonly string[] }> = [
    ...DEPARTMENTS.map((d) => ({ code: `${PROVINCE.code}.${d.code}`, name: d.name, level: d.level, kind: "department" as const, weight: d.weight, validFrom: null, validTo: null, fields: d.fields })),
    { code: CENTRE.code, name: CENTRE.name, level: CENTRE.level, kind: "centre", weight: CENTRE.weight, validFrom: null, validTo: null },
    ...COMMUNES.map((c) => ({ ...c, kind: "commune" as const, validFrom: REFORM_DATE, validTo: null })),
    ...CLOSED_UNITS.map((c) => ({ code: c.code, name: c.name, level: c.level, kind: "closed" as const, weight: c.weight, validFrom: null, validTo: REFORM_DATE })),
  ];
  for (const s of specs) {
    await upsertUnit(trx, { code: s.code, name: s.name, level: s.level, parentCode: PROVINCE.code, validFrom: s.validFrom }, now);
  }
  for (const c of CLOSED_UNITS) await closeUnit(trx, c.code, c.successor, REFORM_DATE);

  for (const t of TTHC) await upsertService(trx, { code: t.code, name: t.name, field: t.field, level: t.level }, now);
  const serviceRows = await trx.selectFrom("service").select(["id", "code", "level", "field", "name"]).execute();
  const xa = serviceRows.filter((s) => s.level === "xa" && !/biên giới/i.test(s.name)); // no border communes here
  const tinh = serviceRows.filter((s) => s.level === "tinh");
  const unitRows = await trx.selectFrom("unit").select(["id", "code"]).execute();
  const idOf = new Map(unitRows.map((u) => [u.code, u.id]));

  const units: SeedUnit[] = [];
  for (const s of specs) {
    const id = idOf.get(s.code)!;
    const offered =
      s.kind === "commune" || s.kind === "closed" ? xa : s.kind === "centre" ? tinh : tinh.filter((t) => s.fields?.includes(t.field));
    await offerServices(trx, id, offered.map((o) => o.id));
    const kioskIds: number[] = [];
    const kiosks = s.kind === "centre" ? 2 : s.kind === "commune" ? (s.weight >= 3 ? 2 : 1) : 0;
    for (let k = 1; k <= kiosks; k++) {
      kioskIds.push(
        await insertKiosk(
          trx,
          {
            unitId: id,
            counter: `Quầy ${k}`,
            name: `Kiosk đánh giá – quầy ${k}`,
            // Random, never printed: these devices exist for the reports; set up real ones with create-kiosk.
            tokenHash: hasher.hash("token", newToken("hlk")),
            setupHash: hasher.hash("token", newToken("hls")),
            setupExpiresAt: now,
            surveyId: null,
          },
          now,
        ),
      );
    }
    units.push({
      id,
      code: s.code,
      kind: s.kind,
      weight: s.weight,
      quality: 0.72 + 0.23 * rng.next(),
      validFrom: s.validFrom,
      validTo: s.validTo,
      kioskIds,
      serviceIds: offered.map((o) => o.id),
      serviceWeights: offered.map((o) => (POPULAR[o.code] ?? 1) * (0.5 + rng.next())),
    });
  }
  await appendAudit(trx, { actor, action: "demo.seed", entity: "unit", entityId: PROVINCE.code, after: { units: units.length + 1, services: serviceRows.length } }, now);
  return { units, serviceCount: serviceRows.length, codeOfService: new Map(serviceRows.map((s) => [s.id, s.code])) };
}
