import { Readable } from "node:stream";
import nodemailer from "nodemailer";
import { markInvited, samplePage, type RoundRow } from "../../db/queries/rounds";
import { csvField } from "~/survey/codebook";
import { translator } from "~/i18n/i18n.server";
import { ApiError } from "./api-error.server";
import { frameSealer, type Contact } from "./round-frame.server";
import { codeSealer, linkSealer } from "./round-draw.server";
import { formatRoundCode } from "./round-codes.server";
import { startFieldwork } from "./rounds.server";
import type { AppServices } from "./services.server";

// Reaching a round's sample: the sample file, the SMS/Zalo gateway file and e-mail (SMTP_URL),
// first invitations and reminders. Contacts are unsealed here, in memory, one page at a time,
// and only ever leave in these mailing files and messages.

const BOM = "\uFEFF";
const PAGE = 1000;
const line = (values: Array<string | number | null>) => `${values.map(csvField).join(",")}\r\n`;

export interface SampleLine {
  id: number;
  code: string;
  dossier: string;
  unit: string;
  unitName: string;
  service: string;
  serviceName: string;
  url: string;
  contact: Contact | null;
  invitedAt: string | null;
}

/** The sample page by page, unsealed: code, dossier, link and (unless erased) contact. */
export async function* sampleLines(services: AppServices, round: RoundRow, base: string, opts: { unanswered?: boolean } = {}): AsyncGenerator<SampleLine[]> {
  const dossiers = frameSealer(services);
  const codes = codeSealer(services);
  const links = linkSealer(services);
  let after = 0;
  for (;;) {
    const page = await samplePage(services.db, round.id, after, PAGE, opts);
    if (!page.length) return;
    after = page[page.length - 1].id;
    yield page.map((r) => {
      const token = r.token_sealed ? links.unseal(r.token_sealed) : null;
      const contact = r.contact_sealed ? dossiers.unseal(r.contact_sealed) : null;
      return {
        id: r.id,
        code: (r.code_sealed && codes.unseal(r.code_sealed)) ?? "",
        dossier: (r.dossier_sealed && dossiers.unseal(r.dossier_sealed)) ?? "",
        unit: r.unit_code,
        unitName: r.unit_name,
        service: r.service_code,
        serviceName: r.service_name,
        url: token ? `${base}/moi/${token}` : "",
        contact: contact ? (JSON.parse(contact) as Contact) : null,
        invitedAt: r.invited_at,
      };
    });
  }
}

function csvResponse(filename: string, body: () => AsyncGenerator<string>): Response {
  const utf8 = new TextEncoder();
  async function* bytes() {
    for await (const text of body()) yield utf8.encode(text);
  }
  return new Response(Readable.toWeb(Readable.from(bytes())) as ReadableStream, {
    headers: { "content-type": "text/csv; charset=utf-8", "cache-control": "no-store", "content-disposition": `attachment; filename="${filename}"` },
  });
}

/** GET sample.csv: code,dossier,unit,service,url (UTF-8 with BOM), streamed. */
export function sampleCsv(services: AppServices, round: RoundRow, base: string): Response {
  return csvResponse(`mau-dot-${round.id}.csv`, async function* () {
    yield BOM + line(["code", "dossier", "unit", "service", "url"]);
    for await (const page of sampleLines(services, round, base)) {
      yield page.map((s) => line([formatRoundCode(s.code), s.dossier, s.unit, s.service, s.url])).join("");
    }
  });
}

/**
 * GET sms.csv: phone,message for an SMS or Zalo gateway; `reminder` days → only those invited
 * that long ago who have not answered. Marks the rows invited (or reminded).
 */
export async function smsCsv(services: AppServices, round: RoundRow, base: string, reminderDays: number | null, now = new Date()): Promise<Response> {
  if (round.status === "closed") throw new ApiError("conflict", "rounds.errors.closed");
  await startFieldwork(services.db, round);
  const t = translator("vi");
  const at = now.toISOString();
  const cutoff = reminderDays === null ? null : new Date(now.getTime() - reminderDays * 86_400_000).toISOString();
  return csvResponse(`sms-dot-${round.id}.csv`, async function* () {
    yield BOM + line(["phone", "message"]);
    for await (const page of sampleLines(services, round, base, { unanswered: reminderDays !== null })) {
      const chosen = page.filter((s) => s.contact?.phone && s.url && (cutoff === null || (s.invitedAt !== null && s.invitedAt <= cutoff)));
      await markInvited(services.db, chosen.map((s) => s.id), at, cutoff === null ? "invited_at" : "reminded_at");
      yield chosen
        .map((s) => line([s.contact!.phone, t(cutoff === null ? "rounds.sms.invite" : "rounds.sms.reminder", { unit: s.unitName, code: formatRoundCode(s.code), url: s.url })]))
        .join("");
    }
  });
}

/**
 * E-mail through SMTP_URL to every drawn dossier with an address (first invitation), or with
 * `reminderDays` to those invited that long ago who have not answered. One message each.
 */
export async function sendRoundEmail(services: AppServices, round: RoundRow, base: string, reminderDays: number | null, now = new Date()) {
  if (round.status === "closed") throw new ApiError("conflict", "rounds.errors.closed");
  if (!services.env.SMTP_URL) throw new ApiError("conflict", "rounds.errors.noSmtp");
  await startFieldwork(services.db, round);
  const transport = nodemailer.createTransport(services.env.SMTP_URL);
  const t = translator("vi");
  const at = now.toISOString();
  const cutoff = reminderDays === null ? null : new Date(now.getTime() - reminderDays * 86_400_000).toISOString();
  let sent = 0;
  let failed = 0;
  try {
    for await (const page of sampleLines(services, round, base, { unanswered: reminderDays !== null })) {
      const done: number[] = [];
      for (const s of page) {
        if (!s.contact?.email || !s.url) continue;
        if (cutoff === null ? s.invitedAt !== null : s.invitedAt === null || s.invitedAt > cutoff) continue;
        const first = cutoff === null;
        try {
          await transport.sendMail({
            from: services.env.SMTP_FROM,
            to: s.contact.email,
            subject: t(first ? "rounds.email.inviteSubject" : "rounds.email.reminderSubject", { unit: s.unitName }),
            text: t(first ? "rounds.email.inviteBody" : "rounds.email.reminderBody", { name: s.contact.name || t("rounds.email.citizen"), unit: s.unitName, service: s.serviceName, code: formatRoundCode(s.code), url: s.url }),
          });
          done.push(s.id);
          sent += 1;
        } catch {
          failed += 1; // left unmarked: the next run tries again
        }
      }
      await markInvited(services.db, done, at, cutoff === null ? "invited_at" : "reminded_at");
    }
  } finally {
    transport.close();
  }
  return { sent, failed };
}
