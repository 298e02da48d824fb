import { useTranslation } from 'react-i18next';
import { type AppLanguage, DEFAULT_LANGUAGE, isAppLanguage } from './languages';

/** The interface language now in use; re-renders the caller when it changes. */
export function useAppLanguage(): AppLanguage {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isAppLanguage(language) ? language : DEFAULT_LANGUAGE;
}
