import { BAISE_DISTRICTS, PARKS, type Park } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field';
import { useNames } from '../../../i18n/use-names';
import type { FieldErrors } from '../../../lib/form-errors';
import { INPUT_LIMITS, limitFor } from '../../../lib/input-limits';

export interface SiteNames {
  nameZh: string;
  nameEn: string;
  district: string;
  /** '' for none. */
  park: Park | '';
  licence: string;
}

interface SiteNameFieldsProps {
  values: SiteNames;
  errors: FieldErrors;
  onChange: (values: SiteNames) => void;
}

/** A site's names in both languages, where it is and its licence: what can change after it was created. */
export function SiteNameFields({ values, errors, onChange }: SiteNameFieldsProps): ReactElement {
  const { t } = useTranslation();
  const names = useNames();
  const limit = (name: keyof typeof INPUT_LIMITS.site) => limitFor(INPUT_LIMITS.site[name], values[name]);
  const input =
    (name: 'nameZh' | 'nameEn' | 'district' | 'licence', lang?: string, list?: string) => (control: object) => (
      <input
        {...control}
        className="input"
        name={name}
        lang={lang}
        list={list}
        autoComplete="off"
        value={values[name]}
        onChange={(event) => onChange({ ...values, [name]: event.target.value })}
      />
    );
  return (
    <>
      <Field label={t('admin.sites.form.nameZh')} errors={errors.nameZh} limit={limit('nameZh')}>
        {input('nameZh', 'zh-CN')}
      </Field>
      <Field label={t('admin.sites.form.nameEn')} errors={errors.nameEn} limit={limit('nameEn')}>
        {input('nameEn', 'en')}
      </Field>
      <Field
        label={t('admin.sites.form.district')}
        hint={t('form.optional')}
        errors={errors.district}
        limit={limit('district')}
      >
        {input('district', 'zh-CN', 'baise-districts')}
      </Field>
      {/* Baise's districts and counties as suggestions; any name may still be typed. */}
      <datalist id="baise-districts">
        {BAISE_DISTRICTS.map((d) => (
          <option key={d.zh} value={d.zh} />
        ))}
      </datalist>
      <Field label={t('admin.sites.form.park')} errors={errors.park}>
        {(control) => (
          <select
            {...control}
            className="input"
            name="park"
            value={values.park}
            onChange={(event) => onChange({ ...values, park: event.target.value as Park | '' })}
          >
            <option value="">{t('admin.sites.form.parkNone')}</option>
            {PARKS.map((park) => (
              <option key={park} value={park}>
                {names.park(park)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('admin.sites.form.licence')}
        hint={t('form.optional')}
        errors={errors.licence}
        limit={limit('licence')}
      >
        {input('licence')}
      </Field>
    </>
  );
}

/** Client-side checks shared by the create and edit forms: both names are required. */
export function checkSiteNames(values: SiteNames, required: string): FieldErrors {
  const found: FieldErrors = {};
  if (!values.nameZh.trim()) found.nameZh = [required];
  if (!values.nameEn.trim()) found.nameEn = [required];
  return found;
}
