import { SITE_KINDS, type SiteKind, type SiteView, siteCode } from '@alutrace/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field';
import { SubmitActions } from '../../../components/form-actions';
import { FormAlert } from '../../../components/form-alert';
import { useNames } from '../../../i18n/use-names';
import { type FieldErrors, mergeFieldErrors } from '../../../lib/form-errors';
import { useTRPC } from '../../../lib/trpc';
import { useFormErrors } from '../../../lib/use-form-errors';
import { checkSiteNames, SiteNameFields, type SiteNames } from './site-name-fields';

const FIELDS = ['code', 'kind', 'nameZh', 'nameEn', 'district', 'park', 'licence'] as const;
const EMPTY: SiteNames & { code: string; kind: SiteKind } = {
  code: '',
  kind: 'collection_point',
  nameZh: '',
  nameEn: '',
  district: '',
  park: '',
  licence: '',
};

interface CreateSiteCardProps {
  /** The site just created, while its confirmation shows. */
  created: SiteView | null;
  onCreated: (site: SiteView | null) => void;
}

export function CreateSiteCard({ created, onCreated }: CreateSiteCardProps): ReactElement {
  const { t } = useTranslation();
  const names = useNames();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [checks, setChecks] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.sites.create.mutationOptions({
      onSuccess: (site) => {
        onCreated(site);
        setValues(EMPTY);
        void queryClient.invalidateQueries({ queryKey: trpc.sites.list.queryKey() });
      },
    }),
  );
  const server = useFormErrors(create.error, {
    fields: FIELDS,
    codeFields: { CONFLICT: 'code' },
    messages: { CONFLICT: t('admin.sites.form.codeTaken', { code: create.variables?.code }) },
  });
  const errors = mergeFieldErrors(checks, server.fields);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    create.reset();
    onCreated(null);
    const found = checkSiteNames(values, t('form.required'));
    if (!siteCode.safeParse(values.code).success) found.code = [t('admin.sites.form.codeInvalid')];
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({
      code: values.code,
      kind: values.kind,
      nameZh: values.nameZh.trim(),
      nameEn: values.nameEn.trim(),
      ...(values.district.trim() ? { district: values.district.trim() } : {}),
      park: values.park || null,
      ...(values.licence.trim() ? { licence: values.licence.trim() } : {}),
    });
  };

  return (
    <section className="card" aria-labelledby="create-site-title">
      <h2 id="create-site-title">{t('admin.sites.create.title')}</h2>
      {created && (
        <p className="status status-ok" role="status" data-testid="site-created">
          {t('admin.sites.create.done', { site: names.siteLabel(created) })}
        </p>
      )}
      <form className="form form-columns" onSubmit={submit} noValidate aria-busy={create.isPending}>
        <FormAlert message={server.general ?? (Object.keys(checks).length ? t('form.checkFields') : null)} />
        <Field label={t('admin.sites.form.code')} hint={t('admin.sites.form.codeHint')} errors={errors.code}>
          {(control) => (
            <input
              {...control}
              className="input input-code"
              name="code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={12}
              value={values.code}
              onChange={(event) => setValues({ ...values, code: event.target.value.toUpperCase().trim() })}
            />
          )}
        </Field>
        <Field label={t('admin.sites.form.kind')} errors={errors.kind}>
          {(control) => (
            <select
              {...control}
              className="input"
              name="kind"
              value={values.kind}
              onChange={(event) => setValues({ ...values, kind: event.target.value as SiteKind })}
            >
              {SITE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {names.siteKind(kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SiteNameFields
          values={values}
          errors={errors}
          onChange={(next: SiteNames) => setValues({ ...values, ...next })}
        />
        <SubmitActions pending={create.isPending} label={t('admin.sites.create.submit')} />
      </form>
    </section>
  );
}
