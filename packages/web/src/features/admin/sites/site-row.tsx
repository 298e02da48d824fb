import type { SiteView } from '@alutrace/shared';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNames } from '../../../i18n/use-names';
import { ActiveBadge } from '../active-badge';
import { EditSiteDialog } from './edit-site-dialog';
import { SiteActiveDialog } from './site-active-dialog';

export function SiteRow({ site, onSaved }: { site: SiteView; onSaved: (site: SiteView) => void }): ReactElement {
  const { t } = useTranslation();
  const names = useNames();
  const [dialog, setDialog] = useState<'edit' | 'active' | null>(null);
  const close = (): void => setDialog(null);
  return (
    <tr data-testid="site-row" data-code={site.code} data-active={String(site.active)}>
      <th scope="row" data-label={t('admin.sites.form.code')}>
        <code>{site.code}</code>
      </th>
      <td data-label={t('admin.sites.form.kind')}>{names.siteKind(site.kind)}</td>
      <td data-label={t('admin.sites.form.nameZh')} lang="zh-CN">
        {site.nameZh}
      </td>
      <td data-label={t('admin.sites.form.nameEn')} lang="en">
        {site.nameEn}
      </td>
      <td data-label={t('admin.sites.form.district')}>{site.district ?? t('common.none')}</td>
      <td data-label={t('admin.status')}>
        <ActiveBadge active={site.active} />
      </td>
      <td className="cell-actions">
        <button type="button" className="button button-small" onClick={() => setDialog('edit')}>
          {t('common.edit')}
        </button>
        <button type="button" className="button button-small" onClick={() => setDialog('active')}>
          {site.active ? t('admin.deactivate') : t('admin.reactivate')}
        </button>
        {dialog === 'edit' && <EditSiteDialog site={site} onClose={close} onSaved={onSaved} />}
        {dialog === 'active' && <SiteActiveDialog site={site} onClose={close} />}
      </td>
    </tr>
  );
}
