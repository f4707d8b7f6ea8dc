import i18next from "i18next";
import { useMemo, type ReactNode } from "react";
import { NAMESPACE, type AppLocale } from "./config";
import { TranslationContext } from "./use-translation";

/**
 * One i18next instance per locale, built from the strings the root loader sent, the same
 * way on the server and in the browser: no extra request, no flash of the wrong language.
 */
export function I18nProvider({ locale, messages, children }: { locale: AppLocale; messages: Record<string, unknown>; children: ReactNode }) {
  const value = useMemo(() => {
    const i18n = i18next.createInstance();
    void i18n.init({
      lng: locale,
      fallbackLng: locale,
      resources: { [locale]: { [NAMESPACE]: messages } },
      ns: [NAMESPACE],
      defaultNS: NAMESPACE,
      interpolation: { escapeValue: false },
      initImmediate: false,
    });
    return { i18n, t: i18n.getFixedT(locale, NAMESPACE) };
  }, [locale, messages]);
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}
