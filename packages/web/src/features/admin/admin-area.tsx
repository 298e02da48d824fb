import './admin.css';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../app/use-document-title';
import { AdminTabs } from './admin-tabs';

/** The frame of every admin page: the area's title, its tabs, and the page's own title. */
export function AdminArea({ title, children }: { title: string; children: ReactNode }): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('admin.title')}`);
  return (
    <div className="page admin-page">
      <h1>
        {t('admin.title')}
        <span className="visually-hidden"> · {title}</span>
      </h1>
      <AdminTabs />
      <div className="admin-body">{children}</div>
    </div>
  );
}
