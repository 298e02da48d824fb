import type { TokenView } from '@alutrace/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useTRPC } from '../../../lib/trpc';
import { useErrorMessage } from '../../../lib/use-form-errors';

/** A revoked token stops working at once, for good; a device needs a new token. */
export function RevokeTokenDialog({ token, onClose }: { token: TokenView; onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
        onClose();
      },
    }),
  );
  return (
    <ConfirmDialog
      title={t('admin.tokens.revoke.title', { name: token.name })}
      message={t('admin.tokens.revoke.message')}
      confirmLabel={t('admin.tokens.revoke.button')}
      danger
      pending={revoke.isPending}
      error={revoke.isError ? errorMessage(revoke.error) : null}
      onConfirm={() => revoke.mutate({ tokenId: token.id })}
      onClose={onClose}
    />
  );
}
