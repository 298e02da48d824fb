import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/languages';
import { useAppLanguage } from '../../i18n/use-app-language';

export function LanguageSwitch(): ReactElement {
  const { t, i18n } = useTranslation();
  const current = useAppLanguage();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a legend and a border to a two-button toggle.
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === current}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
