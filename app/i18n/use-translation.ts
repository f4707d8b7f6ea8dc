import type { i18n as I18n, TFunction } from "i18next";
import { createContext, useContext } from "react";

// A 20-line stand-in for react-i18next's hook: every page re-renders on a language change
// anyway (the language is chosen by a link), and the console and kiosk bundles need not
// carry the 2 KB react-i18next adds.

export interface Translation {
  t: TFunction;
  i18n: I18n;
}

export const TranslationContext = createContext<Translation | null>(null);

export function useTranslation(): Translation {
  const value = useContext(TranslationContext);
  if (!value) throw new Error("useTranslation() needs an <I18nProvider> above it");
  return value;
}
