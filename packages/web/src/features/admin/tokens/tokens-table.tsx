import type { SiteView } from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/error-notice';
import { LoadingNotice } from '../../../components/loading-notice';
import { useTRPC } from '../../../lib/trpc';
import { TokenRow } from './token-row';

export function TokensTable({ sites }: { sites: readonly SiteView[] }): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  // Tokens name their creator by user id; the list of users turns it into a name.
  const users = useQuery(trpc.users.list.queryOptions());
  const usernameOf = (id: string): string => users.data?.find((user) => user.id === id)?.username ?? id;
  return (
    <section className="card card-wide" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('admin.tokens.table.title')}</h2>
      {tokens.isPending && <LoadingNotice />}
      {tokens.isError && <ErrorNotice error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data?.length === 0 && <p className="empty">{t('admin.tokens.table.empty')}</p>}
      {tokens.data && tokens.data.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="tokens-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.tokens.form.name')}</th>
                <th scope="col">{t('admin.tokens.form.role')}</th>
                <th scope="col">{t('admin.tokens.form.site')}</th>
                <th scope="col">{t('admin.tokens.table.created')}</th>
                <th scope="col">{t('admin.tokens.table.lastUsed')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <TokenRow key={token.id} token={token} sites={sites} createdBy={usernameOf(token.createdBy)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
