import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { formatCount } from "~/metrics/format";
import type { KioskListRow } from "../../../db/queries/kiosks";

export type KioskRow = Pick<
  KioskListRow,
  "id" | "counter" | "unit_code" | "unit_name" | "survey_slug" | "survey_title" | "status" | "last_seen_at" | "queued_reported" | "setup_pending"
>;

const timeFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", day: "2-digit", month: "2-digit", year: "numeric",
});

/** "14:05 02/03/2026" in Vietnam time, whatever the server's zone. */
export function formatContact(iso: string): string {
  const parts = Object.fromEntries(timeFormat.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}

export function KioskTable({ kiosks, csrf }: { kiosks: KioskRow[]; csrf: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "vi";
  if (!kiosks.length) return <p>{t("kiosk.admin.none")}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption>{t("kiosk.admin.listCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("kiosk.admin.unit")}</th>
            <th scope="col">{t("kiosk.admin.counter")}</th>
            <th scope="col">{t("kiosk.admin.survey")}</th>
            <th scope="col">{t("kiosk.admin.lastContact")}</th>
            <th scope="col" className="num">{t("kiosk.admin.queued")}</th>
            <th scope="col">{t("kiosk.admin.status")}</th>
            <th scope="col">{t("kiosk.admin.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {kiosks.map((k) => (
            <tr key={k.id} data-kiosk={k.id}>
              <td>{k.unit_name}</td>
              <td>{k.counter ?? "—"}</td>
              <td>{k.survey_title ?? t("kiosk.admin.defaultSurvey")}</td>
              <td>{k.last_seen_at ? formatContact(k.last_seen_at) : t("kiosk.admin.never")}</td>
              <td className="num">{k.queued_reported === null ? "—" : formatCount(k.queued_reported, locale)}</td>
              <td>
                {k.status === "revoked" ? t("kiosk.admin.statusRevoked") : k.setup_pending ? t("kiosk.admin.statusSetup") : t("kiosk.admin.statusActive")}
              </td>
              <td>
                {k.status === "active" ? (
                  <div className="row-actions">
                    <Link to={`/quan-tri/may-danh-gia/${k.id}/quay`}>{t("kiosk.admin.counterPage")}</Link>
                    <Form method="post" onSubmit={(e) => { if (!window.confirm(t("kiosk.admin.revokeConfirm"))) e.preventDefault(); }}>
                      <input type="hidden" name="csrf" value={csrf} />
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="kiosk" value={k.id} />
                      <button type="submit" className="secondary" aria-label={t("kiosk.admin.revokeLabel", { counter: k.counter ?? k.unit_code })}>
                        {t("kiosk.admin.revoke")}
                      </button>
                    </Form>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
