import { MIN_PASSWORD_LENGTH, type Role, roleNeedsSites, type SiteView } from '@alutrace/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field';
import { SubmitActions } from '../../../components/form-actions';
import { FormAlert } from '../../../components/form-alert';
import { mergeFieldErrors } from '../../../lib/form-errors';
import { INPUT_LIMITS, limitFor } from '../../../lib/input-limits';
import { useTRPC } from '../../../lib/trpc';
import { useFormErrors } from '../../../lib/use-form-errors';
import { checkUserForm, USER_CODE_FIELDS, USER_FIELDS, type UserField } from './check-user-form';
import { RoleSitesFields } from './role-sites-fields';
import { useUserProblemText } from './use-user-problem-text';

const EMPTY = { username: '', displayName: '', role: 'operator' as Role, sites: [] as string[], password: '' };

interface CreateUserCardProps {
  sites: readonly SiteView[];
  /** The sites are still being fetched. */
  sitesLoading: boolean;
  /** `password` is the generated one, to show once; null when the administrator chose it. */
  onCreated: (username: string, password: string | null) => void;
}

export function CreateUserCard({ sites, sitesLoading, onCreated }: CreateUserCardProps): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const problemText = useUserProblemText();
  const [values, setValues] = useState(EMPTY);
  const [checks, setChecks] = useState<Partial<Record<UserField, string[]>>>({});
  const [createdWithOwnPassword, setCreatedWithOwnPassword] = useState<string | null>(null);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (result) => {
        setCreatedWithOwnPassword(result.password === null ? result.user.username : null);
        setValues(EMPTY);
        onCreated(result.user.username, result.password);
        void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
    }),
  );
  const server = useFormErrors(create.error, {
    fields: USER_FIELDS,
    codeFields: USER_CODE_FIELDS,
    messages: { CONFLICT: t('admin.users.form.usernameTaken', { username: create.variables?.username }) },
  });
  const errors = mergeFieldErrors(checks, server.fields);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    create.reset();
    setCreatedWithOwnPassword(null);
    const found = problemText(checkUserForm(values));
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      role: values.role,
      sites: roleNeedsSites(values.role) ? values.sites : [],
      ...(values.password ? { password: values.password } : {}),
    });
  };
  const text =
    (name: 'username' | 'displayName' | 'password', extra: object = {}) =>
    (control: object) => (
      <input
        {...control}
        {...extra}
        className="input"
        name={name}
        value={values[name]}
        onChange={(event) => setValues({ ...values, [name]: event.target.value })}
      />
    );

  return (
    <section className="card" aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t('admin.users.create.title')}</h2>
      {createdWithOwnPassword && (
        <p className="status status-ok" role="status">
          {t('admin.users.create.createdWithPassword', { username: createdWithOwnPassword })}
        </p>
      )}
      <form className="form form-columns" onSubmit={submit} noValidate aria-busy={create.isPending}>
        <FormAlert message={server.general ?? (Object.keys(checks).length ? t('form.checkFields') : null)} />
        <Field
          label={t('admin.users.form.username')}
          hint={t('admin.users.form.usernameHint')}
          errors={errors.username}
          limit={limitFor(INPUT_LIMITS.user.username, values.username)}
        >
          {text('username', { autoComplete: 'off', autoCapitalize: 'none', spellCheck: false })}
        </Field>
        <Field
          label={t('admin.users.form.displayName')}
          errors={errors.displayName}
          limit={limitFor(INPUT_LIMITS.user.displayName, values.displayName)}
        >
          {text('displayName', { autoComplete: 'off' })}
        </Field>
        <RoleSitesFields
          role={values.role}
          chosen={values.sites}
          sites={sites}
          errors={errors}
          sitesLoading={sitesLoading}
          onChange={({ role, sites: chosen }) => setValues({ ...values, role, sites: chosen })}
        />
        <Field
          label={t('admin.users.form.password')}
          hint={t('admin.users.form.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          errors={errors.password}
          limit={limitFor(INPUT_LIMITS.user.password, values.password)}
        >
          {text('password', { type: 'text', autoComplete: 'new-password', spellCheck: false })}
        </Field>
        <SubmitActions pending={create.isPending} label={t('admin.users.create.submit')} />
      </form>
    </section>
  );
}
