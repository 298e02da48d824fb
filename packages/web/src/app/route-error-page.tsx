import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { useDocumentTitle } from './use-document-title';

/** Shown when a page throws while rendering: a bug, never a failed call (those show an ErrorNotice in place). */
export function RouteErrorPage(): ReactElement {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t('errors.title'));
  // The details are for the developer console, not for the person at the scale.
  console.error(error);
  return (
    <section className="page page-narrow" role="alert">
      <h1>{t('errors.title')}</h1>
      <p>{t('errors.pageCrashed')}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      </p>
    </section>
  );
}
