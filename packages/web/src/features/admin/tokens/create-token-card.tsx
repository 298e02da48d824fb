import { ROLE_SITE_KINDS, roleNeedsSites, type SiteView, TOKEN_ROLES, type TokenRole } from '@alutrace/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field';
import { SubmitActions } from '../../../components/form-actions';
import { FormAlert } from '../../../components/form-alert';
import { useFormat } from '../../../i18n/use-format';
import { useNames } from '../../../i18n/use-names';
import { type FieldErrors, mergeFieldErrors } from '../../../lib/form-errors';
import { INPUT_LIMITS, limitFor } from '../../../lib/input-limits';
import { useTRPC } from '../../../lib/trpc';
import { useFormErrors } from '../../../lib/use-form-errors';
import { sitesForRole } from '../sites-for-role';

const FIELDS = ['name', 'role', 'site'] as const;
const CODE_FIELDS = {
  SITES_REQUIRED: 'site',
  SITES_NOT_ALLOWED: 'site',
  SITE_KIND_MISMATCH: 'site',
  SITE_UNKNOWN: 'site',
  SITE_INACTIVE: 'site',
} as const;

interface CreateTokenCardProps {
  sites: readonly SiteView[];
  onCreated: (name: string, secret: string) => void;
}

/** A token has a role (never administrator) and, for operators and recyclers, one site. */
export function CreateTokenCard({ sites, onCreated }: CreateTokenCardProps): ReactElement {
  const { t } = useTranslation();
  const names = useNames();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: '', role: 'operator' as TokenRole, site: '' });
  const [checks, setChecks] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: (result) => {
        setValues({ name: '', role: values.role, site: '' });
        onCreated(result.token.name, result.secret);
        void queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
      },
    }),
  );
  const server = useFormErrors(create.error, { fields: FIELDS, codeFields: CODE_FIELDS });
  const errors = mergeFieldErrors(checks, server.fields);
  const needsSite = roleNeedsSites(values.role);
  const offered = sitesForRole(sites, values.role);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    create.reset();
    const found: FieldErrors = {};
    if (!values.name.trim()) found.name = [t('form.required')];
    if (needsSite && !values.site) found.site = [t('admin.tokens.form.siteRequired')];
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({ name: values.name.trim(), role: values.role, ...(needsSite ? { site: values.site } : {}) });
  };

  return (
    <section className="card" aria-labelledby="create-token-title">
      <h2 id="create-token-title">{t('admin.tokens.create.title')}</h2>
      <form className="form form-columns" onSubmit={submit} noValidate aria-busy={create.isPending}>
        <FormAlert message={server.general ?? (Object.keys(checks).length ? t('form.checkFields') : null)} />
        <Field
          label={t('admin.tokens.form.name')}
          hint={t('admin.tokens.form.nameHint')}
          errors={errors.name}
          limit={limitFor(INPUT_LIMITS.token.name, values.name)}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              name="name"
              autoComplete="off"
              value={values.name}
              onChange={(event) => setValues({ ...values, name: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('admin.tokens.form.role')} hint={t('admin.tokens.form.roleHint')} errors={errors.role}>
          {(control) => (
            <select
              {...control}
              className="input"
              name="role"
              value={values.role}
              onChange={(event) => {
                const role = event.target.value as TokenRole;
                const keep = sitesForRole(sites, role).some((site) => site.code === values.site);
                setValues({ ...values, role, site: keep ? values.site : '' });
              }}
            >
              {TOKEN_ROLES.map((role) => (
                <option key={role} value={role}>
                  {names.role(role)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {needsSite ? (
          <Field
            label={t('admin.tokens.form.site')}
            hint={t('admin.users.form.sitesHint', {
              role: names.role(values.role),
              kinds: format.list(ROLE_SITE_KINDS[values.role].map(names.siteKind)),
            })}
            errors={errors.site}
          >
            {(control) => (
              <select
                {...control}
                className="input"
                name="site"
                value={values.site}
                onChange={(event) => setValues({ ...values, site: event.target.value })}
              >
                <option value="">{t('admin.tokens.form.chooseSite')}</option>
                {offered.map((site) => (
                  <option key={site.code} value={site.code}>
                    {names.siteLabel(site)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <p className="field-hint field-note">
            {t('admin.users.form.sitesNotNeeded', { role: names.role(values.role) })}
          </p>
        )}
        <SubmitActions pending={create.isPending} label={t('admin.tokens.create.submit')} />
      </form>
    </section>
  );
}
