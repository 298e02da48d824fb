import type { SiteView } from '@alutrace/shared';
import { type ReactElement, useId } from 'react';
import { useNames } from '../../i18n/use-names';
import { commonEn, commonZh } from './common-words';
import { useWords } from './use-words';

/** Which of the user's sites this is recorded for: a line when there is one, a choice when several. */
export function ActingSitePicker({
  sites,
  site,
  onChange,
}: {
  sites: SiteView[];
  site: SiteView | null;
  onChange: (code: string) => void;
}): ReactElement {
  const w = useWords(commonZh, commonEn);
  const names = useNames();
  const id = useId();
  if (!site) return <p className="notice notice-error">{w.noSites}</p>;
  if (sites.length === 1) {
    return (
      <p className="lc-acting-site" data-testid="acting-site">
        {w.site}: <strong>{names.siteLabel(site)}</strong>
      </p>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{w.site}</label>
      <select
        id={id}
        className="input"
        value={site.code}
        onChange={(e) => onChange(e.target.value)}
        data-testid="acting-site"
      >
        {sites.map((s) => (
          <option key={s.code} value={s.code}>
            {names.siteLabel(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
