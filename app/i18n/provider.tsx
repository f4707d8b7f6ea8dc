import i18next from "i18next";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { NAMESPACE, type AppLocale } from "./config";

/**
 * One i18next instance per locale, built from the strings the root loader sent, the same
 * way on the server and in the browser: no extra request, no flash of the wrong language.
 */
export function I18nProvider({ locale, messages, children }: { locale: AppLocale; messages: Record<string, unknown>; children: ReactNode }) {
  const instance = useMemo(() => {
    const i = i18next.createInstance();
    void i.use(initReactI18next).init({
      lng: locale,
      fallbackLng: locale,
      resources: { [locale]: { [NAMESPACE]: messages } },
      ns: [NAMESPACE],
      defaultNS: NAMESPACE,
      interpolation: { escapeValue: false },
      initImmediate: false,
      react: { useSuspense: false },
    });
    return i;
  }, [locale, messages]);
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}
