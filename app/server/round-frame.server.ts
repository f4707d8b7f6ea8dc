import { appendAudit } from "../../db/queries/credentials";
import { frameStrata, replaceFrame, type FrameInsert, type RoundRow } from "../../db/queries/rounds";
import { listServices } from "../../db/queries/services";
import { listUnits, subtreeIds } from "../../db/queries/units";
import type { AppLocale } from "~/i18n/config";
import { translator } from "~/i18n/i18n.server";
import { isCalendarDate, vnDate } from "~/metrics/periods";
import { ApiError } from "./api-error.server";
import { describeIssue } from "./import-issues.server";
import { readImportTable } from "./import-table.server";
import { normalizeDossier } from "./ingest.server";
import type { FrameResult } from "./round-schemas.server";
import { createSealer } from "./secrets.server";
import type { AppServices } from "./services.server";

// A round's sampling frame: the one-stop system's list of completed dossiers, read by the
// same CSV/XLSX reader as every import and stored all or nothing (one rejected row: nothing
// stored). Contacts are personal data: sealed at rest and erased when the round closes.

export const FRAME_COLUMNS = ["dossier", "unit", "service", "completedat"] as const;
export const FRAME_OPTIONAL = ["name", "phone", "email", "address"] as const;
export const FRAME_MAX_ROWS = 200_000;
export const FRAME_MAX_BYTES = 48 * 1024 * 1024;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{2,}$/;

/** Vietnamese numbers: +84 / 84 → 0, spaces, dots and dashes dropped; 10 digits (11 for old landlines). */
export function normalizePhone(raw: string): string | null {
  let digits = raw.replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

/** YYYY-MM-DD, DD/MM/YYYY or an ISO instant (taken in Vietnam's time zone). */
export function completionDate(raw: string): string | null {
  if (isCalendarDate(raw)) return raw;
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (dmy) {
    const iso = `${dmy[3]}-${dmy[2].padStart(2, "0")}-${dmy[1].padStart(2, "0")}`;
    return isCalendarDate(iso) ? iso : null;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(raw) && !Number.isNaN(Date.parse(raw))) return vnDate(raw);
  return null;
}

export interface Contact {
  name: string;
  phone: string | null;
  email: string | null;
  address: string;
}

export function frameSealer(services: AppServices) {
  return createSealer(services.hasher, "round-contact");
}

export async function importFrame(services: AppServices, round: RoundRow, bytes: Uint8Array, actor: string, locale: AppLocale): Promise<{ ok: boolean; body: FrameResult }> {
  if (round.status !== "draft") throw new ApiError("conflict", "rounds.errors.frameAfterDraw");
  const t = translator(locale);
  const table = await readImportTable(bytes, FRAME_COLUMNS, FRAME_OPTIONAL, { bytes: FRAME_MAX_BYTES, rows: FRAME_MAX_ROWS });
  if (!table.ok) return { ok: false, body: { rows: 0, accepted: 0, rejected: [{ row: 0, reason: describeIssue(table.error, locale) }], strata: [] } };

  const db = services.db;
  const scope = new Set(await subtreeIds(db, round.unit_id));
  const units = new Map((await listUnits(db)).map((u) => [u.code, u]));
  const serviceIds = new Map((await listServices(db)).map((s) => [s.code, s.id]));
  const sealer = frameSealer(services);
  const seen = new Map<string, number>();
  const rejected: FrameResult["rejected"] = [];
  const rows: FrameInsert[] = [];
  for (const r of table.rows) {
    const v = r.values;
    const reasons: string[] = r.issues.map((i) => describeIssue(i, locale));
    const dossier = normalizeDossier(v.dossier);
    if (!dossier) reasons.push(t("rounds.frame.dossierRequired"));
    else if (dossier.length > 100) reasons.push(t("rounds.frame.dossierTooLong"));
    else if (seen.has(dossier)) reasons.push(t("rounds.frame.duplicateDossier", { row: seen.get(dossier) }));
    else seen.set(dossier, r.row);
    const unit = units.get(v.unit);
    if (!unit) reasons.push(t("rounds.frame.unknownUnit", { unit: v.unit }));
    else if (!scope.has(unit.id)) reasons.push(t("rounds.frame.outsideScope", { unit: v.unit }));
    const serviceId = serviceIds.get(v.service);
    if (serviceId === undefined) reasons.push(t("rounds.frame.unknownService", { service: v.service }));
    const date = completionDate(v.completedat);
    if (!date) reasons.push(t("rounds.frame.badDate", { value: v.completedat }));
    else if (date < round.date_from || date > round.date_to) reasons.push(t("rounds.frame.outsideWindow", { date, from: round.date_from, to: round.date_to }));
    const phone = v.phone ? normalizePhone(v.phone) : null;
    if (v.phone && !phone) reasons.push(t("rounds.frame.badPhone", { value: v.phone }));
    if (v.email && !EMAIL.test(v.email)) reasons.push(t("rounds.frame.badEmail", { value: v.email }));
    if (v.name.length > 200 || v.address.length > 500) reasons.push(t("rounds.frame.tooLong"));
    if (reasons.length || !unit || serviceId === undefined || !date) {
      rejected.push({ row: r.row, reason: reasons.join("; ") });
      continue;
    }
    const contact: Contact = { name: v.name, phone, email: v.email || null, address: v.address };
    const hasContact = contact.name || contact.phone || contact.email || contact.address;
    rows.push({
      row_no: r.row,
      unit_id: unit.id,
      service_id: serviceId,
      completed_date: date,
      dossier_hash: services.hasher.hash("dossier", dossier),
      dossier_sealed: sealer.seal(dossier),
      phone_hash: phone ? services.hasher.hash("phone", phone) : null,
      contact_sealed: hasContact ? sealer.seal(JSON.stringify(contact)) : null,
    });
  }
  const counts = { rows: table.rows.length, accepted: rows.length };
  if (rejected.length) return { ok: false, body: { ...counts, rejected, strata: [] } };
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await replaceFrame(trx, round.id, rows);
    await appendAudit(trx, { actor, action: "round.frame", entity: "round", entityId: String(round.id), after: { rows: rows.length } }, now);
  });
  const strata = (await frameStrata(db, round.id)).map((s) => ({ unit: s.code, N: Number(s.N) }));
  return { ok: true, body: { ...counts, rejected: [], strata } };
}
