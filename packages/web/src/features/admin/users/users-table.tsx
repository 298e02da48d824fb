import type { SiteView } from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/error-notice';
import { LoadingNotice } from '../../../components/loading-notice';
import { useTRPC } from '../../../lib/trpc';
import { UserRow } from './user-row';

export function UsersTable({ sites }: { sites: readonly SiteView[] }): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions());
  return (
    <section className="card card-wide" aria-labelledby="users-title">
      <h2 id="users-title">{t('admin.users.table.title')}</h2>
      {users.isPending && <LoadingNotice />}
      {users.isError && <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <div className="table-wrap">
          <table className="data-table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.users.form.username')}</th>
                <th scope="col">{t('admin.users.form.displayName')}</th>
                <th scope="col">{t('admin.users.form.role')}</th>
                <th scope="col">{t('admin.users.form.sites')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">{t('admin.users.table.lastLogin')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <UserRow key={user.id} user={user} sites={sites} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
