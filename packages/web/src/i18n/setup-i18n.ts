// Starts i18next with both languages bundled (they are small, and a
// collection point on a weak network should not wait for a second request).
// The choice is remembered in localStorage; <html lang> follows it so that
// screen readers and fonts pick the right language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { type AppLanguage, DEFAULT_LANGUAGE, isAppLanguage, LANGUAGES } from './languages';
import { zhCN } from './zh-CN';

const STORAGE_KEY = 'alutrace.language';

function storedLanguage(): AppLanguage {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isAppLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled (private mode, strict settings): fall back quietly.
    return DEFAULT_LANGUAGE;
  }
}

function rememberLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, but the switch still works for this one.
  }
}

export function setupI18n(): typeof i18n {
  i18n.on('languageChanged', rememberLanguage);
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    // Resources are bundled, so initialise synchronously: the first render is already translated.
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  });
  return i18n;
}
