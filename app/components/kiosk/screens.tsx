import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Faces } from "./faces";
import { SERVICES_PER_PAGE, fieldStarts, foldVietnamese, servicePages } from "~/kiosk/service-pages";
import type { KioskService } from "~/kiosk/types";

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

/**
 * The procedure picker: pages of big buttons, most used first then by field (field buttons
 * jump to a field), so every procedure is reachable by touch; typing is an extra.
 */
export function ServiceScreen({ services, onPick }: { services: KioskService[]; onPick: (code: string | null) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [at, setAt] = useState(0);
  const found = query ? services.filter((s) => foldVietnamese(`${s.name} ${s.code}`).includes(foldVietnamese(query))) : services;
  const pages = servicePages(found);
  const page = Math.min(at, Math.max(0, pages.length - 1));
  const current = pages[page];
  const fields = query ? [] : fieldStarts(pages);
  return (
    <section className="kiosk-screen kiosk-services" aria-labelledby="kiosk-service-title">
      <h1 id="kiosk-service-title" className="kiosk-prompt">
        {t("kiosk.service.prompt")}
      </h1>
      {fields.length > 1 ? (
        <div className="kiosk-fields" role="group" aria-label={t("kiosk.service.fields")}>
          {pages[0]?.field === null ? (
            <button type="button" className="kiosk-field" aria-pressed={page === 0} onClick={() => setAt(0)}>
              {t("kiosk.service.mostUsed")}
            </button>
          ) : null}
          {fields.map((f) => (
            <button key={f.field} type="button" className="kiosk-field" aria-pressed={current?.field === f.field} onClick={() => setAt(f.page)}>
              {f.field}
            </button>
          ))}
        </div>
      ) : null}
      {current && pages.length > 1 ? (
        <h2 className="kiosk-page-title" aria-live="polite">
          {current.field ?? t("kiosk.service.mostUsed")} · {t("kiosk.service.page", { page: page + 1, pages: pages.length })}
        </h2>
      ) : null}
      <div className="choices choices-grid kiosk-service-list" role="group" aria-labelledby="kiosk-service-title">
        {(current?.items ?? []).map((s) => (
          <button key={s.code} type="button" className="choice" onClick={() => onPick(s.code)}>
            {s.name}
          </button>
        ))}
      </div>
      {query && !found.length ? <p className="kiosk-lead">{t("kiosk.service.noneFound")}</p> : null}
      <div className="kiosk-nav">
        {pages.length > 1 ? (
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setAt(page - 1)}>
            {t("kiosk.service.previous")}
          </button>
        ) : null}
        {pages.length > 1 ? (
          <button type="button" className="secondary" disabled={page >= pages.length - 1} onClick={() => setAt(page + 1)}>
            {t("kiosk.service.next")}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={() => onPick(null)}>
          {t("kiosk.service.skip")}
        </button>
      </div>
      {services.length > SERVICES_PER_PAGE ? (
        <input
          type="search"
          className="kiosk-search"
          aria-label={t("kiosk.service.search")}
          placeholder={t("kiosk.service.search")}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setAt(0);
          }}
        />
      ) : null}
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
