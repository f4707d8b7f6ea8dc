import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

/** How far a province's set-up has come: what a start without the demo still needs. */
export interface SetupCounts {
  admins: number;
  units: number;
  services: number;
  offerings: number;
  kiosks: number;
  /** A unit that handles a procedure (else any unit): the example in printed commands. */
  exampleUnit: string | null;
}

export async function countSetup(db: Db): Promise<SetupCounts> {
  const count = async (table: "unit" | "service" | "unit_service" | "kiosk") => {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const admins = await db.selectFrom("app_user").select((eb) => eb.fn.countAll<number>().as("n")).where("role", "=", "admin").executeTakeFirstOrThrow();
  const offering = await db.selectFrom("unit_service").innerJoin("unit", "unit.id", "unit_service.unit_id").select("unit.code").orderBy("unit.code").limit(1).executeTakeFirst();
  const anyUnit = offering ?? (await db.selectFrom("unit").select("code").orderBy("code").limit(1).executeTakeFirst());
  return {
    admins: Number(admins.n),
    units: await count("unit"),
    services: await count("service"),
    offerings: await count("unit_service"),
    kiosks: await count("kiosk"),
    exampleUnit: anyUnit?.code ?? null,
  };
}
