import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from './use-document-title';

export function NotFoundPage(): ReactElement {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="page page-narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.message', { path: pathname })}</p>
      <p>
        <Link to="/" className="button">
          {t('notFound.backHome')}
        </Link>
      </p>
    </section>
  );
}
