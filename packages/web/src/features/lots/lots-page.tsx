import './lots.css';
import { LOT_STATES, type LotState } from '@alutrace/shared';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../app/use-document-title';
import { useMe } from '../../auth/use-session';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useNames } from '../../i18n/use-names';
import { useTRPC } from '../../lib/trpc';
import { LotRow } from './lot-row';
import { useGrades, useLotWords } from './use-lot-words';

const PAGE_SIZE = 25;
const FILTERS = ['state', 'grade', 'site', 'q'] as const;

function isLotState(value: string | null): value is LotState {
  return value !== null && (LOT_STATES as readonly string[]).includes(value);
}

/** /lots: the lots one may read, newest first, filtered by state, grade, site and lot id; the filters live in the address. */
export function LotsPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('lots.listTitle'));
  const trpc = useTRPC();
  const me = useMe();
  const names = useNames();
  const words = useLotWords();
  const grades = useGrades();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const state = params.get('state');
  const grade = params.get('grade') ?? '';
  const site = params.get('site') ?? '';
  const q = params.get('q') ?? '';
  const allSites = useQuery({
    ...trpc.sites.list.queryOptions(),
    enabled: me?.role === 'official' || me?.role === 'admin',
  });
  const sites = me?.role === 'official' || me?.role === 'admin' ? (allSites.data ?? []) : (me?.sites ?? []);
  const input = {
    limit: PAGE_SIZE,
    ...(isLotState(state) ? { state } : {}),
    ...(grade ? { grade } : {}),
    ...(site ? { site } : {}),
    ...(q ? { q: q.toUpperCase() } : {}),
  };
  const lots = useInfiniteQuery(
    trpc.lots.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
  );
  const items = lots.data?.pages.flatMap((page) => page.lots) ?? [];

  const apply = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setParams(next, { replace: true });
  };

  return (
    <div className="page lots-page">
      <h1>{t('lots.listTitle')}</h1>
      <p className="lead">{t('lots.listIntro')}</p>
      <form className="lot-filters" onSubmit={apply} key={params.toString()} data-testid="lot-filters">
        <div className="field">
          <label htmlFor={`${id}-state`}>{t('lots.filterState')}</label>
          <select
            id={`${id}-state`}
            name="state"
            className="input"
            defaultValue={state ?? ''}
            onChange={(e) => e.currentTarget.form?.requestSubmit()}
          >
            <option value="">{t('lots.any')}</option>
            {LOT_STATES.map((s) => (
              <option key={s} value={s}>
                {words.state(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-grade`}>{t('lots.filterGrade')}</label>
          <select
            id={`${id}-grade`}
            name="grade"
            className="input"
            defaultValue={grade}
            onChange={(e) => e.currentTarget.form?.requestSubmit()}
          >
            <option value="">{t('lots.any')}</option>
            {grades.map((g) => (
              <option key={g.code} value={g.code}>
                {g.code} {words.gradeName(g)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-site`}>{t('lots.filterSite')}</label>
          <select
            id={`${id}-site`}
            name="site"
            className="input"
            defaultValue={site}
            onChange={(e) => e.currentTarget.form?.requestSubmit()}
          >
            <option value="">{t('lots.any')}</option>
            {sites.map((s) => (
              <option key={s.code} value={s.code}>
                {names.siteLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('lots.filterText')}</label>
          <input
            id={`${id}-q`}
            name="q"
            className="input input-code"
            type="search"
            defaultValue={q}
            placeholder={t('lots.filterTextHint')}
            autoComplete="off"
          />
        </div>
        <div className="lot-filter-actions">
          <button type="submit" className="button button-primary">
            {t('lots.apply')}
          </button>
          {params.toString() && (
            <button
              type="button"
              className="button"
              onClick={() => setParams(new URLSearchParams(), { replace: true })}
            >
              {t('lots.clear')}
            </button>
          )}
        </div>
      </form>
      {lots.isPending && <LoadingNotice />}
      {lots.isError && <ErrorNotice error={lots.error} onRetry={() => void lots.refetch()} />}
      {lots.data && items.length === 0 && (
        <p className="empty" data-testid="lots-empty">
          {t('lots.empty')}
        </p>
      )}
      {items.length > 0 && (
        <ol className="lot-list" data-testid="lot-list">
          {items.map((lot) => (
            <LotRow key={lot.lotId} lot={lot} />
          ))}
        </ol>
      )}
      {lots.data && items.length > 0 && (
        <p className="list-end">
          {lots.hasNextPage ? (
            <button
              type="button"
              className="button button-big"
              onClick={() => void lots.fetchNextPage()}
              disabled={lots.isFetchingNextPage}
            >
              {lots.isFetchingNextPage ? t('lots.loadingMore') : t('lots.more')}
            </button>
          ) : (
            <span className="hint">{t('lots.end')}</span>
          )}
        </p>
      )}
    </div>
  );
}
