// The lifecycle screens keep their words beside them (as the collection
// screen does): each screen has one object per language of the same shape,
// and this picks the reader's.
import { apiLanguage } from '../../i18n/languages';
import { useAppLanguage } from '../../i18n/use-app-language';

export function useWords<T>(zh: T, en: T): T {
  return apiLanguage(useAppLanguage()) === 'zh' ? zh : en;
}

/** "zh" or "en": for the vocabularies' names in @alutrace/shared. */
export function useLang(): 'zh' | 'en' {
  return apiLanguage(useAppLanguage());
}
