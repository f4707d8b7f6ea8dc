import { useTranslation } from "~/i18n/use-translation";
import type { KioskPrefs } from "~/kiosk/types";

const SIZES: Array<{ size: KioskPrefs["size"]; label: string; key: string }> = [
  { size: "s", label: "A-", key: "kiosk.toolbar.smaller" },
  { size: "m", label: "A", key: "kiosk.toolbar.normal" },
  { size: "l", label: "A+", key: "kiosk.toolbar.larger" },
];

/** Text size, high contrast and spoken prompts: remembered on the device. */
export function Toolbar({ prefs, canSpeak, onChange }: { prefs: KioskPrefs; canSpeak: boolean; onChange: (p: KioskPrefs) => void }) {
  const { t } = useTranslation();
  return (
    <div className="kiosk-toolbar" role="toolbar" aria-label={t("kiosk.toolbar.label")}>
      {SIZES.map((s) => (
        <button key={s.size} type="button" aria-pressed={prefs.size === s.size} onClick={() => onChange({ ...prefs, size: s.size })}>
          {s.label}
          <span className="visually-hidden"> {t(s.key)}</span>
        </button>
      ))}
      <button type="button" aria-pressed={prefs.contrast} onClick={() => onChange({ ...prefs, contrast: !prefs.contrast })}>
        {t("kiosk.toolbar.contrast")}
      </button>
      {canSpeak ? (
        <button type="button" aria-pressed={prefs.speech} onClick={() => onChange({ ...prefs, speech: !prefs.speech })}>
          {t("kiosk.toolbar.speech")}
        </button>
      ) : null}
    </div>
  );
}

/** The discreet staff indicator: connection and how many responses wait on this device. */
export function StaffIndicator({ online, queued, rejected }: { online: boolean; queued: number | null; rejected: number }) {
  const { t } = useTranslation();
  const label = t(online ? "kiosk.staff.online" : "kiosk.staff.offline", { count: queued ?? 0 });
  return (
    <p className={`kiosk-staff ${online ? "is-online" : "is-offline"}`} data-testid="kiosk-staff" data-online={online} data-queued={queued ?? ""} title={label}>
      <span aria-hidden="true" className="dot" />
      <span className="visually-hidden">{label}</span>
      <span aria-hidden="true">{queued ?? "…"}</span>
      {rejected ? <span className="rejected">{t("kiosk.staff.rejected", { count: rejected })}</span> : null}
    </p>
  );
}
