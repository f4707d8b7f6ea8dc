import { data } from "@remix-run/node";
import { z } from "zod";
import { appendAudit } from "../../db/queries/credentials";
import { getReportSetting, listRoots, rootOf, saveReportSetting, type ReportSettingRow } from "../../db/queries/report-settings";
import type { Db } from "../../db/index";
import type { ReportSettings } from "~/documents/document-model";
import type { Translate } from "~/documents/report-content";
import { actorOf, nowIso } from "./console.server";
import type { SessionUser } from "./session.server";

// Issuer and signer of the report document, one set per unit-tree root (a province). Until an
// administrator saves them, the document carries defaults built from the root's name.

const line = (max: number) => z.string().trim().normalize("NFC").max(max, "console.errors.invalid");
export const settingsSchema = z.strictObject({
  csrf: z.string(),
  root: z.string().min(1).max(64),
  parentBody: line(200),
  issuer: line(200).min(1, "validation.required"),
  shortCode: line(20).regex(/^[\p{L}0-9-]*$/u, "document.settings.codeFormat").min(1, "validation.required"),
  place: line(100).min(1, "validation.required"),
  signerTitle: line(200).min(1, "validation.required"),
  signerName: line(200),
  recipients: line(4000),
});

export type SettingsErrors = Partial<Record<keyof z.infer<typeof settingsSchema>, string>>;

const toSettings = (row: ReportSettingRow): ReportSettings => ({
  parentBody: row.parent_body,
  issuer: row.issuer,
  shortCode: row.short_code,
  place: row.place,
  signerTitle: row.signer_title,
  signerName: row.signer_name,
  recipients: row.recipients.split("\n").map((r) => r.trim()).filter(Boolean),
});

/** The defaults: the root's Department of Home Affairs signs, its place name from the root's. */
function defaults(rootName: string, t: Translate): ReportSettings {
  const place = rootName.replace(/^(Tỉnh|Thành phố)\s+/i, "");
  return {
    parentBody: t("document.defaults.parentBody", { root: rootName }),
    issuer: t("document.defaults.issuer"),
    shortCode: "SNV",
    place,
    signerTitle: t("document.defaults.signerTitle"),
    signerName: "",
    recipients: [t("document.defaults.recipientChair"), t("document.defaults.recipientArchive")],
  };
}

/** Settings of the tree a report's unit belongs to. */
export async function settingsForUnit(db: Db, unitId: number, t: Translate): Promise<ReportSettings> {
  const root = await rootOf(db, unitId);
  if (!root) return defaults("", t);
  const row = await getReportSetting(db, root.id);
  return row ? toSettings(row) : defaults(root.name, t);
}

/** Roots an administrator may set: every root, or only the one that is the admin's own unit. */
async function editableRoots(db: Db, user: SessionUser) {
  const roots = await listRoots(db);
  return user.unitId === null ? roots : roots.filter((r) => r.id === user.unitId);
}

export async function loadSettingsPage(db: Db, user: SessionUser, t: Translate) {
  const roots = await editableRoots(db, user);
  return Promise.all(roots.map(async (r) => ({ code: r.code, name: r.name, settings: await settingsForUnit(db, r.id, t) })));
}

/** Saves one root's settings with an audit row (before and after) in one transaction. */
export async function saveSettings(db: Db, user: SessionUser, form: FormData) {
  const parsed = settingsSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors: SettingsErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0]) as keyof SettingsErrors] ??= /^(document|console|validation)\./.test(issue.message) ? issue.message : "console.errors.invalid";
    return data({ ok: false as const, root: String(form.get("root") ?? ""), errors }, { status: 400 });
  }
  const input = parsed.data;
  const root = (await editableRoots(db, user)).find((r) => r.code === input.root);
  if (!root) throw new Response("Forbidden", { status: 403 });
  const now = nowIso();
  const row: ReportSettingRow = {
    root_unit_id: root.id,
    parent_body: input.parentBody,
    issuer: input.issuer,
    short_code: input.shortCode,
    place: input.place,
    signer_title: input.signerTitle,
    signer_name: input.signerName,
    recipients: input.recipients.replace(/\r\n?/g, "\n"),
    updated_at: now,
    updated_by: actorOf(user),
  };
  await db.transaction().execute(async (trx) => {
    const before = await getReportSetting(trx, root.id);
    await saveReportSetting(trx, row);
    await appendAudit(trx, { actor: actorOf(user), action: "report-setting.save", entity: "unit", entityId: root.code, before: before ? toSettings(before) : undefined, after: toSettings(row) }, now);
  });
  return data({ ok: true as const, root: root.code, errors: {} as SettingsErrors });
}
