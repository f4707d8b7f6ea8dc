import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { loadPrefs, savePrefs } from "~/kiosk/device-store";
import { nextQuestion } from "~/kiosk/flow";
import { prepareOffline } from "~/kiosk/offline";
import { exposeMetrics, recordQueued } from "~/kiosk/metrics";
import { hush, speak, useVietnameseVoice } from "~/kiosk/speech";
import type { KioskPrefs } from "~/kiosk/types";
import { useKioskConfig } from "~/kiosk/use-kiosk-config";
import { liveBinding, useKioskSession } from "~/kiosk/use-kiosk-session";
import { useOutbox } from "~/kiosk/use-outbox";
import { QuestionScreen } from "./question-screen";
import { AttractScreen, NoticeScreen, ServiceScreen, ThanksScreen } from "./screens";
import { StaffIndicator, Toolbar } from "./toolbar";

export function KioskApp() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "vi";
  const [prefs, setPrefs] = useState<KioskPrefs>(loadPrefs);
  const [offlineReady, setOfflineReady] = useState(false);
  const voice = useVietnameseVoice();

  const device = useKioskConfig();
  const outbox = useOutbox(device.status === "revoked" ? null : device.token, device.online);
  const { kick } = outbox;
  const onQueued = useCallback((id: string, tappedAt: number) => {
    recordQueued(id, tappedAt);
    kick();
  }, [kick]);
  const status = outbox.revoked ? "revoked" : device.status;
  const session = useKioskSession(status === "ready" ? device.config : null, locale, onQueued);

  useEffect(() => {
    exposeMetrics();
    prepareOffline().then(setOfflineReady, () => setOfflineReady(false));
  }, []);

  const changePrefs = (p: KioskPrefs) => {
    setPrefs(p);
    savePrefs(p);
    if (!p.speech) hush();
  };

  const config = device.config;
  const def = config?.survey.definition;
  const question = session.screen.kind === "question" && def ? def.sections.flatMap((s) => s.questions).find((q) => q.id === (session.screen as { id: string }).id) : undefined;

  // Spoken prompt for each new screen, when asked for and a Vietnamese voice exists.
  const prompt = session.screen.kind === "attract" ? t("kiosk.attract.prompt") : session.screen.kind === "thanks" ? t("kiosk.thanks.title") : session.screen.kind === "service" ? t("kiosk.service.prompt") : question?.label[locale] ?? "";
  useEffect(() => {
    if (prefs.speech) speak(prompt, voice);
  }, [prompt, prefs.speech, voice]);

  let body: JSX.Element;
  if (status !== "ready" || !config || !def) {
    body = <NoticeScreen kind={status === "ready" ? "waiting" : status} />;
  } else if (session.screen.kind === "busy") {
    body = <NoticeScreen kind="busy" />;
  } else if (session.screen.kind === "service") {
    body = <ServiceScreen services={config.services} onPick={session.pickService} />;
  } else if (session.screen.kind === "thanks") {
    body = <ThanksScreen note={outbox.conflicts.has(session.screen.id) ? "dossier" : null} />;
  } else if (question && session.draft) {
    body = (
      <QuestionScreen
        key={question.id}
        question={question}
        value={session.draft.answers[question.id]}
        locale={locale}
        isLast={nextQuestion(def, session.draft.answers, question.id, session.face?.id) === null}
        busy={session.submitting}
        onAnswer={session.answer}
        onNext={session.next}
        onBack={session.back}
      />
    );
  } else {
    const binding = liveBinding(config);
    body = (
      <AttractScreen
        unitName={config.unit.name}
        counter={config.kiosk.counter}
        face={session.face}
        boundService={binding ? binding.serviceName : false}
        onStart={session.start}
      />
    );
  }
  return (
    <div className={`kiosk kiosk-size-${prefs.size}${prefs.contrast ? " kiosk-contrast" : ""}`} data-screen={status === "ready" ? session.screen.kind : status} data-offline-ready={offlineReady ? "1" : "0"}>
      <Toolbar prefs={prefs} canSpeak={Boolean(voice)} onChange={changePrefs} />
      <div className="kiosk-body">{body}</div>
      {device.token && status !== "revoked" ? <StaffIndicator online={device.online} queued={outbox.queued} rejected={outbox.rejected} /> : null}
    </div>
  );
}
