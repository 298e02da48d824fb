import { useQuery } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OneTimeSecret } from '../../../components/one-time-secret';
import { useTRPC } from '../../../lib/trpc';
import { AdminArea } from '../admin-area';
import { CreateUserCard } from './create-user-card';
import { UsersTable } from './users-table';

/** `/admin/users`: every account, a form for a new one, and per user edit, (de)activate and reset password. */
export function UsersPage(): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const sites = useQuery(trpc.sites.list.queryOptions());
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  return (
    <AdminArea title={t('admin.users.title')}>
      {created && (
        <OneTimeSecret
          title={t('admin.users.secret.createdTitle', { username: created.username })}
          label={t('admin.users.secret.label')}
          secret={created.password}
          onDone={() => setCreated(null)}
        >
          <p>{t('admin.users.secret.handOver')}</p>
        </OneTimeSecret>
      )}
      <CreateUserCard
        sites={sites.data ?? []}
        sitesLoading={sites.isPending}
        onCreated={(username, password) => setCreated(password ? { username, password } : null)}
      />
      <UsersTable sites={sites.data ?? []} />
    </AdminArea>
  );
}
