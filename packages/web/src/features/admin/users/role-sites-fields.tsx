import { ROLES, type Role, roleNeedsSites, type SiteView } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field';
import { useNames } from '../../../i18n/use-names';
import type { FieldErrors } from '../../../lib/form-errors';
import { keepSitesFor } from '../sites-for-role';
import { SiteCheckboxes } from './site-checkboxes';

interface RoleSitesFieldsProps {
  role: Role;
  chosen: string[];
  sites: readonly SiteView[];
  errors: FieldErrors;
  /** The sites are still being fetched. */
  sitesLoading?: boolean;
  onChange: (value: { role: Role; sites: string[] }) => void;
}

/** A user's role and the sites it acts for; officials and administrators act for none, so they get no site list. */
export function RoleSitesFields({
  role,
  chosen,
  sites,
  errors,
  sitesLoading,
  onChange,
}: RoleSitesFieldsProps): ReactElement {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <>
      <Field label={t('admin.users.form.role')} errors={errors.role}>
        {(control) => (
          <select
            {...control}
            className="input"
            name="role"
            value={role}
            onChange={(event) => {
              const next = event.target.value as Role;
              onChange({ role: next, sites: keepSitesFor(chosen, sites, next) });
            }}
          >
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {names.role(option)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {roleNeedsSites(role) ? (
        <SiteCheckboxes
          role={role}
          sites={sites}
          chosen={chosen}
          errors={errors.sites}
          loading={sitesLoading ?? false}
          onChange={(next) => onChange({ role, sites: next })}
        />
      ) : (
        <p className="field-hint field-note" data-testid="sites-not-needed">
          {t('admin.users.form.sitesNotNeeded', { role: names.role(role) })}
        </p>
      )}
    </>
  );
}
