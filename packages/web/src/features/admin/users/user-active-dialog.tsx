import type { UserView } from '@alutrace/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useTRPC } from '../../../lib/trpc';
import { useErrorMessage } from '../../../lib/use-form-errors';

/** Deactivating ends the user's sessions at once and stops them signing in; reactivating lets them back in. */
export function UserActiveDialog({ user, onClose }: { user: UserView; onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onClose();
      },
    }),
  );
  const action = user.active ? 'deactivate' : 'reactivate';
  return (
    <ConfirmDialog
      title={t(`admin.users.${action}.title`, { username: user.username })}
      message={t(`admin.users.${action}.message`)}
      confirmLabel={user.active ? t('admin.deactivate') : t('admin.reactivate')}
      danger={user.active}
      pending={update.isPending}
      error={update.isError ? errorMessage(update.error) : null}
      onConfirm={() => update.mutate({ userId: user.id, active: !user.active })}
      onClose={onClose}
    />
  );
}
