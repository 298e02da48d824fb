import { useInfiniteQuery } from '@tanstack/react-query';
import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useFormat } from '../../i18n/use-format';
import { useTRPC } from '../../lib/trpc';
import { EntryRow } from './entry-row';

const PAGE_SIZE = 25;

/**
 * The entries, newest first, of one site or (for those who may read them all)
 * of every site; older pages load on request (the cursor is the last seq shown).
 */
export function EntriesList({ site }: { site: string | null }): ReactElement {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const entries = useInfiniteQuery(
    trpc.ledger.entries.infiniteQueryOptions(
      { order: 'newest', limit: PAGE_SIZE, ...(site ? { site } : {}) },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const total = entries.data?.pages[0]?.treeSize ?? 0;
  const actorNames = useMemo(
    () => Object.assign({}, ...(entries.data?.pages.map((page) => page.actorNames) ?? [])) as Record<string, string>,
    [entries.data],
  );

  return (
    <>
      <div className="list-toolbar">
        {entries.data && (
          <p className="hint" data-testid="entries-total">
            {site
              ? t('ledger.entries.siteEntries', { site })
              : t('ledger.entries.total', { total: format.number(total) })}
          </p>
        )}
        <button
          type="button"
          className="button button-small"
          onClick={() => void entries.refetch()}
          disabled={entries.isFetching}
        >
          {t('ledger.entries.refresh')}
        </button>
      </div>
      {entries.isPending && <LoadingNotice />}
      {entries.isError && <ErrorNotice error={entries.error} onRetry={() => void entries.refetch()} />}
      {entries.data && items.length === 0 && (
        <p className="empty" data-testid="entries-empty">
          {site ? t('ledger.entries.emptySite', { site }) : t('ledger.entries.empty')}
        </p>
      )}
      {items.length > 0 && (
        <>
          <div className="entry-grid entry-head" aria-hidden="true">
            <span>{t('ledger.entries.seq')}</span>
            <span>{t('ledger.entries.recordedAt')}</span>
            <span>{t('ledger.entries.kind')}</span>
            <span>{t('ledger.entries.site')}</span>
            <span>{t('ledger.entries.actor')}</span>
            <span>{t('ledger.entries.leafHash')}</span>
          </div>
          <ol className="entry-list" data-testid="entries-list">
            {items.map((item) => (
              <EntryRow key={item.seq} item={item} actorNames={actorNames} />
            ))}
          </ol>
          <p className="list-end">
            {entries.hasNextPage ? (
              <button
                type="button"
                className="button"
                onClick={() => void entries.fetchNextPage()}
                disabled={entries.isFetchingNextPage}
              >
                {entries.isFetchingNextPage ? t('ledger.entries.loadingOlder') : t('ledger.entries.loadOlder')}
              </button>
            ) : (
              <span className="hint">{t('ledger.entries.end')}</span>
            )}
          </p>
        </>
      )}
    </>
  );
}
