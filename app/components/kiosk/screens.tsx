import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Faces } from "./faces";

interface AttractProps {
  unitName: string;
  counter: string | null;
  face: { levels: number } | null;
  boundService: string | null | false;
  onStart: (faceValue?: number) => void;
}

export function AttractScreen({ unitName, counter, face, boundService, onStart }: AttractProps) {
  const { t } = useTranslation();
  return (
    <section className="kiosk-screen kiosk-attract" aria-labelledby="kiosk-attract-title">
      <p className="kiosk-unit">
        {unitName}
        {counter ? ` · ${counter}` : ""}
      </p>
      <h1 id="kiosk-attract-title" className="kiosk-prompt">
        {t("kiosk.attract.prompt")}
      </h1>
      {boundService !== false ? (
        <p className="kiosk-bound" data-testid="kiosk-bound">
          {boundService ? t("kiosk.attract.boundService", { service: boundService }) : t("kiosk.attract.bound")}
        </p>
      ) : null}
      {face ? (
        <Faces levels={face.levels} onPick={(v) => onStart(v)} labelledBy="kiosk-attract-title" />
      ) : (
        <button type="button" className="kiosk-start" onClick={() => onStart()}>
          {t("kiosk.attract.start")}
        </button>
      )}
    </section>
  );
}

/** Remove Vietnamese diacritics so "dang ky" finds "Đăng ký". */
const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();

export function ServiceScreen({ services, onPick }: { services: Array<{ code: string; name: string }>; onPick: (code: string | null) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const shown = query ? services.filter((s) => fold(`${s.name} ${s.code}`).includes(fold(query))) : services;
  return (
    <section className="kiosk-screen kiosk-services" aria-labelledby="kiosk-service-title">
      <h1 id="kiosk-service-title" className="kiosk-prompt">
        {t("kiosk.service.prompt")}
      </h1>
      {services.length > 6 ? (
        <input
          type="search"
          className="kiosk-search"
          aria-label={t("kiosk.service.search")}
          placeholder={t("kiosk.service.search")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      ) : null}
      <div className="choices choices-grid kiosk-service-list" role="group" aria-labelledby="kiosk-service-title">
        {shown.slice(0, 8).map((s) => (
          <button key={s.code} type="button" className="choice" onClick={() => onPick(s.code)}>
            {s.name}
          </button>
        ))}
      </div>
      <div className="kiosk-nav">
        <button type="button" className="secondary" onClick={() => onPick(null)}>
          {t("kiosk.service.skip")}
        </button>
      </div>
    </section>
  );
}

export function ThanksScreen({ note }: { note: "dossier" | null }) {
  const { t } = useTranslation();
  return (
    <section className="kiosk-screen kiosk-thanks" aria-live="polite">
      <h1 className="kiosk-prompt">{t("kiosk.thanks.title")}</h1>
      <p className="kiosk-lead">{note === "dossier" ? t("kiosk.thanks.alreadyRated") : t("kiosk.thanks.recorded")}</p>
    </section>
  );
}

/** Full-screen notices: a kind pause after a burst, a revoked or not-yet-set-up device. */
export function NoticeScreen({ kind }: { kind: "busy" | "revoked" | "no-token" | "waiting" | "starting" }) {
  const { t } = useTranslation();
  const text = {
    busy: ["kiosk.notice.busyTitle", "kiosk.notice.busyText"],
    revoked: ["kiosk.notice.revokedTitle", "kiosk.notice.revokedText"],
    "no-token": ["kiosk.notice.setupTitle", "kiosk.notice.setupText"],
    waiting: ["kiosk.notice.waitingTitle", "kiosk.notice.waitingText"],
    starting: ["kiosk.notice.startingTitle", "kiosk.notice.waitingText"],
  }[kind];
  return (
    <section className={`kiosk-screen kiosk-notice kiosk-${kind}`} role={kind === "revoked" ? "alert" : "status"}>
      <h1 className="kiosk-prompt">{t(text[0])}</h1>
      <p className="kiosk-lead">{t(text[1])}</p>
    </section>
  );
}
