import { type Role, roleNeedsSites, type SiteView, type UserView } from '@alutrace/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field';
import { SaveCancelActions } from '../../../components/form-actions';
import { FormAlert } from '../../../components/form-alert';
import { ModalDialog } from '../../../components/modal-dialog';
import { mergeFieldErrors } from '../../../lib/form-errors';
import { INPUT_LIMITS, limitFor } from '../../../lib/input-limits';
import { useTRPC } from '../../../lib/trpc';
import { useFormErrors } from '../../../lib/use-form-errors';
import { checkUserForm, USER_CODE_FIELDS, USER_FIELDS, type UserField } from './check-user-form';
import { RoleSitesFields } from './role-sites-fields';
import { useUserProblemText } from './use-user-problem-text';

interface EditUserDialogProps {
  user: UserView;
  sites: readonly SiteView[];
  onClose: () => void;
}

/** Display name, role and sites of one user; the username never changes (the ledger refers to it). */
export function EditUserDialog({ user, sites, onClose }: EditUserDialogProps): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const problemText = useUserProblemText();
  const [values, setValues] = useState({ displayName: user.displayName, role: user.role as Role, sites: user.sites });
  const [checks, setChecks] = useState<Partial<Record<UserField, string[]>>>({});
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onClose();
      },
    }),
  );
  const server = useFormErrors(update.error, { fields: USER_FIELDS, codeFields: USER_CODE_FIELDS });
  const errors = mergeFieldErrors(checks, server.fields);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    update.reset();
    const found = problemText(checkUserForm(values));
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    update.mutate({
      userId: user.id,
      displayName: values.displayName.trim(),
      role: values.role,
      sites: roleNeedsSites(values.role) ? values.sites : [],
    });
  };

  return (
    <ModalDialog title={t('admin.users.edit.title', { username: user.username })} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate aria-busy={update.isPending}>
        <FormAlert message={server.general ?? (Object.keys(checks).length ? t('form.checkFields') : null)} />
        <Field
          label={t('admin.users.form.displayName')}
          errors={errors.displayName}
          limit={limitFor(INPUT_LIMITS.user.displayName, values.displayName)}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              name="displayName"
              autoComplete="off"
              value={values.displayName}
              onChange={(event) => setValues({ ...values, displayName: event.target.value })}
            />
          )}
        </Field>
        <RoleSitesFields
          role={values.role}
          chosen={values.sites}
          sites={sites}
          errors={errors}
          onChange={({ role, sites: chosen }) => setValues({ ...values, role, sites: chosen })}
        />
        <SaveCancelActions pending={update.isPending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
