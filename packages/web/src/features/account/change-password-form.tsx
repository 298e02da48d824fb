import { MIN_PASSWORD_LENGTH } from '@alutrace/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionCache } from '../../auth/use-session-cache';
import { Field } from '../../components/field';
import { SubmitActions } from '../../components/form-actions';
import { FormAlert } from '../../components/form-alert';
import { apiLanguage } from '../../i18n/languages';
import { useAppLanguage } from '../../i18n/use-app-language';
import { type FieldErrors, formErrors, mergeFieldErrors, NO_FORM_ERRORS } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

const FIELDS = ['currentPassword', 'newPassword', 'repeat'] as const;

/** Current, new and repeated password. On success the server ends the user's other sessions. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }): ReactElement {
  const { t } = useTranslation();
  const language = apiLanguage(useAppLanguage());
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSessionCache();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [checks, setChecks] = useState<FieldErrors>({});
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async () => {
        setValues({ currentPassword: '', newPassword: '', repeat: '' });
        await Promise.all([
          session.refresh(),
          queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.queryKey() }),
        ]);
        onChanged();
      },
    }),
  );

  const server = change.isError
    ? formErrors(change.error, language, {
        fields: FIELDS,
        codeFields: {
          WRONG_PASSWORD: 'currentPassword',
          PASSWORD_TOO_SHORT: 'newPassword',
          PASSWORD_UNCHANGED: 'newPassword',
        },
        texts: { unreachable: t('errors.unreachable'), checkFields: t('form.checkFields') },
      })
    : NO_FORM_ERRORS;
  const errors = mergeFieldErrors(checks, server.fields);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    change.reset();
    const found: FieldErrors = {};
    if (!values.currentPassword) found.currentPassword = [t('form.required')];
    if (values.newPassword.length < MIN_PASSWORD_LENGTH) {
      found.newPassword = [t('password.tooShort', { min: MIN_PASSWORD_LENGTH })];
    }
    if (values.repeat !== values.newPassword) found.repeat = [t('password.mismatch')];
    setChecks(found);
    if (Object.keys(found).length === 0) {
      change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    }
  };

  const input = (name: (typeof FIELDS)[number], autoComplete: string) => (control: object) => (
    <input
      {...control}
      className="input"
      type="password"
      name={name}
      autoComplete={autoComplete}
      value={values[name]}
      onChange={(event) => setValues({ ...values, [name]: event.target.value })}
    />
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={change.isPending} data-testid="change-password">
      <FormAlert message={server.general ?? (Object.keys(checks).length > 0 ? t('form.checkFields') : null)} />
      <Field label={t('password.current')} errors={errors.currentPassword}>
        {input('currentPassword', 'current-password')}
      </Field>
      <Field
        label={t('password.new')}
        hint={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
        errors={errors.newPassword}
      >
        {input('newPassword', 'new-password')}
      </Field>
      <Field label={t('password.repeat')} errors={errors.repeat}>
        {input('repeat', 'new-password')}
      </Field>
      <SubmitActions pending={change.isPending} label={t('password.submit')} pendingLabel={t('password.submitting')} />
    </form>
  );
}
