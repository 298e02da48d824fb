import type { SiteView } from '@alutrace/shared';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminArea } from '../admin-area';
import { CreateSiteCard } from './create-site-card';
import { SitesTable } from './sites-table';

/** `/admin/sites`: collection points, recyclers and the other sites users and tokens act for. */
export function SitesPage(): ReactElement {
  const { t } = useTranslation();
  // One confirmation at a time: a site saved replaces "site created", and the other way round.
  const [done, setDone] = useState<{ what: 'created' | 'saved'; site: SiteView } | null>(null);
  return (
    <AdminArea title={t('admin.sites.title')}>
      <CreateSiteCard
        created={done?.what === 'created' ? done.site : null}
        onCreated={(site) => setDone(site ? { what: 'created', site } : null)}
      />
      <SitesTable
        saved={done?.what === 'saved' ? done.site : null}
        onSaved={(site) => setDone({ what: 'saved', site })}
      />
    </AdminArea>
  );
}
