import type { SiteView } from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/error-notice';
import { LoadingNotice } from '../../../components/loading-notice';
import { useNames } from '../../../i18n/use-names';
import { useTRPC } from '../../../lib/trpc';
import { SiteRow } from './site-row';

interface SitesTableProps {
  /** The site whose changes were just saved, while its confirmation shows. */
  saved: SiteView | null;
  onSaved: (site: SiteView) => void;
}

export function SitesTable({ saved, onSaved }: SitesTableProps): ReactElement {
  const { t } = useTranslation();
  const names = useNames();
  const trpc = useTRPC();
  const sites = useQuery(trpc.sites.list.queryOptions());
  return (
    <section className="card card-wide" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('admin.sites.table.title')}</h2>
      {saved && (
        <p className="status status-ok" role="status" data-testid="site-saved">
          {t('admin.sites.edit.done', { site: names.siteLabel(saved) })}
        </p>
      )}
      {sites.isPending && <LoadingNotice />}
      {sites.isError && <ErrorNotice error={sites.error} onRetry={() => void sites.refetch()} />}
      {sites.data?.length === 0 && <p className="empty">{t('admin.sites.table.empty')}</p>}
      {sites.data && sites.data.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="sites-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.sites.form.code')}</th>
                <th scope="col">{t('admin.sites.form.kind')}</th>
                <th scope="col">{t('admin.sites.form.nameZh')}</th>
                <th scope="col">{t('admin.sites.form.nameEn')}</th>
                <th scope="col">{t('admin.sites.form.district')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {sites.data.map((site) => (
                <SiteRow key={site.code} site={site} onSaved={onSaved} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
