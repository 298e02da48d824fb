import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field';
import type { FieldErrors } from '../../../lib/form-errors';

export interface SiteNames {
  nameZh: string;
  nameEn: string;
  district: string;
}

interface SiteNameFieldsProps {
  values: SiteNames;
  errors: FieldErrors;
  onChange: (values: SiteNames) => void;
}

/** A site's names in both languages and its district: what can change after it was created. */
export function SiteNameFields({ values, errors, onChange }: SiteNameFieldsProps): ReactElement {
  const { t } = useTranslation();
  const input = (name: keyof SiteNames, lang?: string) => (control: object) => (
    <input
      {...control}
      className="input"
      name={name}
      lang={lang}
      autoComplete="off"
      value={values[name]}
      onChange={(event) => onChange({ ...values, [name]: event.target.value })}
    />
  );
  return (
    <>
      <Field label={t('admin.sites.form.nameZh')} errors={errors.nameZh}>
        {input('nameZh', 'zh-CN')}
      </Field>
      <Field label={t('admin.sites.form.nameEn')} errors={errors.nameEn}>
        {input('nameEn', 'en')}
      </Field>
      <Field label={t('admin.sites.form.district')} hint={t('form.optional')} errors={errors.district}>
        {input('district')}
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
