import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminArea } from '../admin-area';
import { CreateSiteCard } from './create-site-card';
import { SitesTable } from './sites-table';

/** `/admin/sites`: collection points, recyclers and the other sites users and tokens act for. */
export function SitesPage(): ReactElement {
  const { t } = useTranslation();
  return (
    <AdminArea title={t('admin.sites.title')}>
      <CreateSiteCard />
      <SitesTable />
    </AdminArea>
  );
}
