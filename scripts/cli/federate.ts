import { provinceSnapshots, snapshotCells } from "../../db/queries/federation";
import { CliError, EXIT_OK, parseOptions, required, UsageError, type CliContext } from "./context";
import { ensureDatabase } from "./ensure";

/**
 * POSTs one snapshot; a cut connection or a 503 is tried again (3 times, 1 s then 4 s apart):
 * every snapshot replaces the previous one, so sending it twice is harmless.
 */
async function send(url: string, token: string, body: string, what: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
      if (res.status !== 503 || attempt >= 3) return res;
      await res.arrayBuffer();
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause;
      if (attempt >= 3) throw new CliError(`Không gửi được (could not send) ${what}: ${(error as Error).message}${cause ? ` (${cause.message})` : ""}`);
    }
    await new Promise((r) => setTimeout(r, 1000 * 4 ** (attempt - 1)));
  }
}

/**
 * `federate --to URL --token T [--province CODE] [--since YYYY-MM]`: pushes this province's
 * roll-up cells to the national instance, one snapshot per survey version × month (each
 * replaces the previous one there, so pushing twice changes nothing). Only counts per cell
 * and the unit tree leave the province: no response, text, dossier hash or contact.
 */
export async function federate(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { to: { type: "string" }, token: { type: "string" }, province: { type: "string" }, since: { type: "string" } });
  const base = required(values.to, "to").replace(/\/+$/, "");
  const token = required(values.token, "token");
  if (values.since && !/^\d{4}-\d{2}$/.test(values.since)) throw new UsageError("--since YYYY-MM");
  const db = ctx.db();
  await ensureDatabase(db);
  const roots = await db.selectFrom("unit").select(["id", "code"]).where("parent_id", "is", null).execute();
  const root = values.province ? roots.find((r) => r.code === values.province) : roots.length === 1 ? roots[0] : undefined;
  if (!root) throw new UsageError(`Chọn đơn vị gốc của tỉnh (choose the province root) --province: ${roots.map((r) => r.code).join(", ")}`);

  const units = await db
    .selectFrom("unit as u")
    .innerJoin("unit_closure as c", (j) => j.onRef("c.descendant_id", "=", "u.id").on("c.ancestor_id", "=", root.id))
    .innerJoin("unit as p", "p.id", "u.parent_id")
    .where("u.id", "!=", root.id)
    .select(["u.code", "u.name", "p.code as parent", "u.level"])
    .orderBy("c.depth")
    .execute();
  const catalogue = new Map((await db.selectFrom("service").select(["code", "name", "field", "level"]).execute()).map((s) => [s.code, s]));
  const snapshots = (await provinceSnapshots(db, root.id)).filter((s) => !values.since || s.month >= values.since);
  const started = performance.now();
  let cells = 0;
  for (const snap of snapshots) {
    const { responses, answers } = await snapshotCells(db, root.id, snap.survey_version_id, snap.month);
    const used = new Set([...responses, ...answers].flatMap((c) => (c.service ? [c.service] : [])));
    const body = {
      province: root.code,
      survey: snap.slug,
      version: snap.version,
      month: snap.month,
      units,
      services: [...used].map((code) => catalogue.get(code)!),
      responses,
      answers,
    };
    const res = await send(`${base}/api/v1/federation/snapshots`, token, JSON.stringify(body), `${snap.slug}@${snap.version} ${snap.month}`);
    const text = await res.text();
    if (!res.ok) throw new CliError(`Trung ương từ chối (refused) ${snap.slug}@${snap.version} ${snap.month}: ${res.status} ${text}`);
    cells += responses.length + answers.length;
    ctx.io.progress(`${snap.slug}@${snap.version} ${snap.month}: ${responses.length + answers.length} ô (cells)`);
  }
  const seconds = (performance.now() - started) / 1000;
  ctx.io.out(`Đã gửi ${snapshots.length} bản chốt, ${cells} ô số liệu của ${root.code} trong ${seconds.toFixed(1)} s (${snapshots.length} snapshots pushed).`);
  return EXIT_OK;
}
