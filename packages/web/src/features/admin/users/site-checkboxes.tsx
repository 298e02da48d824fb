import { ROLE_SITE_KINDS, type Role, type SiteView } from '@alutrace/shared';
import { type ReactElement, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/use-format';
import { useNames } from '../../../i18n/use-names';
import { sitesForRole } from '../sites-for-role';

interface SiteCheckboxesProps {
  role: Role;
  sites: readonly SiteView[];
  chosen: readonly string[];
  errors?: string[] | undefined;
  /** The sites are still being fetched: "loading", not "there are no sites". */
  loading?: boolean;
  onChange: (chosen: string[]) => void;
}

/** The sites a user acts for: only those of the kinds their role may act for, and active. */
export function SiteCheckboxes({ role, sites, chosen, errors, loading, onChange }: SiteCheckboxesProps): ReactElement {
  const { t } = useTranslation();
  const names = useNames();
  const format = useFormat();
  const id = useId();
  const offered = sitesForRole(sites, role);
  const kinds = format.list(ROLE_SITE_KINDS[role].map(names.siteKind));
  const toggle = (code: string, on: boolean): void =>
    onChange(on ? [...chosen, code] : chosen.filter((other) => other !== code));
  return (
    <fieldset
      className={errors?.length ? 'field field-invalid choices' : 'field choices'}
      aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ''}`}
      data-testid="site-choices"
    >
      <legend>{t('admin.users.form.sites')}</legend>
      {loading ? (
        <p className="field-hint" role="status" data-testid="sites-loading">
          {t('admin.users.form.sitesLoading')}
        </p>
      ) : offered.length === 0 ? (
        <p className="field-hint">
          {t('admin.users.form.noSites', { kinds })} <Link to="/admin/sites">{t('admin.sites.title')}</Link>
        </p>
      ) : (
        <ul className="choice-list">
          {offered.map((site) => (
            <li key={site.code}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  value={site.code}
                  checked={chosen.includes(site.code)}
                  onChange={(event) => toggle(site.code, event.target.checked)}
                />
                <code>{site.code}</code> {names.site(site)}
              </label>
            </li>
          ))}
        </ul>
      )}
      <p className="field-hint" id={`${id}-hint`}>
        {t('admin.users.form.sitesHint', { role: names.role(role), kinds })}
      </p>
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
