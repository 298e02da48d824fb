import type { UserView } from '@alutrace/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ModalDialog } from '../../../components/modal-dialog';
import { OneTimeSecret } from '../../../components/one-time-secret';
import { useTRPC } from '../../../lib/trpc';
import { useErrorMessage } from '../../../lib/use-form-errors';

/** Asks first; then shows the generated password once. The user's sessions end and they must change it. */
export function ResetPasswordDialog({ user, onClose }: { user: UserView; onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }),
    }),
  );
  const password = reset.data?.password;
  if (password) {
    return (
      <ModalDialog title={t('admin.users.reset.doneTitle', { username: user.username })} onClose={onClose}>
        <OneTimeSecret
          title={t('admin.users.secret.resetTitle', { username: user.username })}
          label={t('admin.users.secret.label')}
          secret={password}
          onDone={onClose}
        >
          <p>{t('admin.users.secret.handOver')}</p>
        </OneTimeSecret>
      </ModalDialog>
    );
  }
  return (
    <ConfirmDialog
      title={t('admin.users.reset.title', { username: user.username })}
      message={t('admin.users.reset.message')}
      confirmLabel={t('admin.users.reset.button')}
      danger
      pending={reset.isPending}
      error={reset.isError ? errorMessage(reset.error) : null}
      onConfirm={() => reset.mutate({ userId: user.id })}
      onClose={onClose}
    />
  );
}
