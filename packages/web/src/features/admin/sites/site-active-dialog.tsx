import type { SiteView } from '@alutrace/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useNames } from '../../../i18n/use-names';
import { useTRPC } from '../../../lib/trpc';
import { useErrorMessage } from '../../../lib/use-form-errors';

/** A deactivated site keeps its entries; its users and tokens stop acting for it. */
export function SiteActiveDialog({ site, onClose }: { site: SiteView; onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const names = useNames();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const update = useMutation(
    trpc.sites.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.sites.list.queryKey() });
        onClose();
      },
    }),
  );
  const action = site.active ? 'deactivate' : 'reactivate';
  return (
    <ConfirmDialog
      title={t(`admin.sites.${action}.title`, { site: names.siteLabel(site) })}
      message={t(`admin.sites.${action}.message`)}
      confirmLabel={site.active ? t('admin.deactivate') : t('admin.reactivate')}
      danger={site.active}
      pending={update.isPending}
      error={update.isError ? errorMessage(update.error) : null}
      onConfirm={() => update.mutate({ code: site.code, active: !site.active })}
      onClose={onClose}
    />
  );
}
