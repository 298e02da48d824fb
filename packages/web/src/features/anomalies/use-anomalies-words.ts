import { apiLanguage } from '../../i18n/languages';
import { useAppLanguage } from '../../i18n/use-app-language';
import { type AnomaliesWords, anomaliesEn, anomaliesZh } from './anomalies-words';

export function useAnomaliesWords(): { w: AnomaliesWords; language: 'zh' | 'en' } {
  const language = apiLanguage(useAppLanguage());
  return { w: language === 'zh' ? anomaliesZh : anomaliesEn, language };
}
