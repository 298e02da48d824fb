import '../lots/lots.css';
import './home.css';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { APP_PAGES } from '../../app/pages';
import { useDocumentTitle } from '../../app/use-document-title';
import { useMe } from '../../auth/use-session';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useNames } from '../../i18n/use-names';
import { useTRPC } from '../../lib/trpc';
import { LotRow } from '../lots/lot-row';
import { type HomeTile, homeList, homeTiles } from './home-tiles';

function isBuilt(path: string): boolean {
  const bare = path.split(/[?#]/)[0];
  return APP_PAGES.some((page) => page.path === bare);
}

function Tile({ tile }: { tile: HomeTile }): ReactElement {
  const { t } = useTranslation();
  const body = (
    <>
      <span className="home-tile-label">{t(`home.${tile.label}`)}</span>
      {tile.hint && <span className="home-tile-hint">{t(`home.${tile.hint}`)}</span>}
    </>
  );
  if (!isBuilt(tile.path)) {
    return (
      <li>
        <span className="home-tile home-tile-soon" aria-disabled="true" data-testid={`home-${tile.label}`}>
          {body}
          <span className="badge badge-muted">{t('home.notYet')}</span>
        </span>
      </li>
    );
  }
  return (
    <li className={tile.primary ? 'home-tile-cell-primary' : undefined}>
      <Link
        className={tile.primary ? 'home-tile home-tile-primary' : 'home-tile'}
        to={tile.path}
        data-testid={`home-${tile.label}`}
      >
        {body}
      </Link>
    </li>
  );
}

/** /home: the few things the person's role does every day, one tap away, and the lots they deal with. */
export function HomePage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const me = useMe();
  const names = useNames();
  const trpc = useTRPC();
  const list = me ? homeList(me) : null;
  const [only] = me?.sites ?? [];
  const site = me?.sites.length === 1 && only ? only.code : undefined;
  const lots = useQuery({
    ...trpc.lots.list.queryOptions({
      limit: 8,
      ...(list?.state ? { state: list.state } : {}),
      ...(list?.kind ? { kind: list.kind } : {}),
      ...(site ? { site } : {}),
    }),
    enabled: list !== null,
  });
  if (!me) return <LoadingNotice />;
  const listPath = list?.state
    ? `/lots?state=${list.state}${site ? `&site=${site}` : ''}`
    : `/lots${site ? `?site=${site}` : ''}`;
  return (
    <div className="page home-page">
      <h1>{t('home.hello', { name: me.displayName })}</h1>
      <p className="lead">
        {names.role(me.role)}
        {me.sites.length > 0 && ` · ${me.sites.map((s) => names.siteLabel(s)).join('、')}`}
      </p>
      {me.role === 'admin' && <p>{t('home.admin')}</p>}
      <ul className="home-tiles" aria-label={t('home.today')} data-testid="home-tiles">
        {homeTiles(me).map((tile) => (
          <Tile key={tile.label} tile={tile} />
        ))}
      </ul>
      {list && (
        <section className="home-list" aria-labelledby="home-list-title">
          <div className="card-head">
            <h2 id="home-list-title">{t(`home.${list.title}`)}</h2>
            <Link to={listPath}>{t('home.all')}</Link>
          </div>
          {lots.isPending && <LoadingNotice />}
          {lots.isError && <ErrorNotice error={lots.error} onRetry={() => void lots.refetch()} />}
          {lots.data && lots.data.lots.length === 0 && <p className="empty">{t('home.none')}</p>}
          {lots.data && lots.data.lots.length > 0 && (
            <ol className="lot-list" data-testid="home-lot-list">
              {lots.data.lots.map((lot) => (
                <LotRow key={lot.lotId} lot={lot} />
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
