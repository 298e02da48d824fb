import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { apiLanguage } from '../i18n/languages';
import { useAppLanguage } from '../i18n/use-app-language';
import { describeApiError } from '../lib/api-error';

interface ErrorNoticeProps {
  error: unknown;
  /** Offers a "try again" button when given. */
  onRetry?: () => void;
}

/** A failed call, explained in the reader's language, with what to do next. */
export function ErrorNotice({ error, onRetry }: ErrorNoticeProps): ReactElement {
  const { t } = useTranslation();
  const view = describeApiError(error, apiLanguage(useAppLanguage()));
  const fields = Object.entries(view?.fields ?? {});
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t('errors.title')}</p>
      <p>{view?.message ?? t('errors.unreachable')}</p>
      {fields.length > 0 && (
        <>
          <p>{t('errors.fieldsTitle')}</p>
          <ul>
            {fields.map(([field, problems]) => (
              <li key={field}>
                <code>{field}</code>: {problems.join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
