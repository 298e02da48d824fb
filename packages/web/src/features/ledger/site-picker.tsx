import { useQuery } from '@tanstack/react-query';
import { type ReactElement, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNames } from '../../i18n/use-names';
import { useTRPC } from '../../lib/trpc';
import type { EntriesScope } from './entries-scope';

interface SitePickerProps {
  scope: Extract<EntriesScope, { kind: 'own-sites' | 'all' }>;
  onChange: (site: string | null) => void;
}

/** Whose entries to list: one of the person's sites, or (for those who read every site) all or any one. */
export function SitePicker({ scope, onChange }: SitePickerProps): ReactElement {
  const { t } = useTranslation();
  const names = useNames();
  const trpc = useTRPC();
  const id = useId();
  // Only those who read every site need the whole list; the others have theirs already.
  const allSites = useQuery({ ...trpc.sites.list.queryOptions(), enabled: scope.kind === 'all' });
  const sites = scope.kind === 'own-sites' ? scope.sites : (allSites.data ?? []);
  const [only] = sites;
  if (scope.kind === 'own-sites' && sites.length === 1 && only) {
    return (
      <p className="site-picker" data-testid="site-picker">
        {t('ledger.picker.label')}: <strong>{names.siteLabel(only)}</strong>
      </p>
    );
  }
  return (
    <div className="site-picker">
      <label htmlFor={id}>{t('ledger.picker.label')}</label>
      <select
        id={id}
        className="input input-inline"
        data-testid="site-picker"
        value={scope.site ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
      >
        {scope.kind === 'all' && <option value="">{t('ledger.picker.all')}</option>}
        {/* The asked-for site shows even before the list arrives. */}
        {scope.kind === 'all' && scope.site && !sites.some((s) => s.code === scope.site) && (
          <option value={scope.site}>{scope.site}</option>
        )}
        {sites.map((site) => (
          <option key={site.code} value={site.code}>
            {names.siteLabel(site)}
          </option>
        ))}
      </select>
    </div>
  );
}
