import { type BackwardTrace, type ForwardTrace, formatMassKg, type TraceExit } from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useTRPC } from '../../lib/trpc';
import { lotPath } from './lot-links';
import { useLotWords } from './use-lot-words';
import { useSiteLabel } from './use-site-names';

/** Where the lot came from and where it went (lots.trace both ways), masses in kg. */
export function LotLineage({ lotId }: { lotId: string }): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const backward = useQuery(trpc.lots.trace.queryOptions({ lotId, direction: 'backward' }));
  const forward = useQuery(trpc.lots.trace.queryOptions({ lotId, direction: 'forward' }));
  return (
    <section className="card card-wide lot-card" aria-labelledby="lot-lineage-title" data-testid="lot-lineage">
      <h2 id="lot-lineage-title">{t('lots.lineage')}</h2>
      <h3>{t('lots.backward')}</h3>
      {backward.isPending && <LoadingNotice />}
      {backward.isError && <ErrorNotice error={backward.error} onRetry={() => void backward.refetch()} />}
      {backward.data?.direction === 'backward' && <Backward trace={backward.data} />}
      <h3>{t('lots.forward')}</h3>
      {forward.isPending && <LoadingNotice />}
      {forward.isError && <ErrorNotice error={forward.error} onRetry={() => void forward.refetch()} />}
      {forward.data?.direction === 'forward' && <Forward trace={forward.data} />}
    </section>
  );
}

function Backward({ trace }: { trace: BackwardTrace }): ReactElement {
  const { t } = useTranslation();
  const words = useLotWords();
  const siteLabel = useSiteLabel();
  const onlyItself = trace.sources.length === 1 && trace.sources[0]?.lotId === trace.lot.lotId;
  if (onlyItself || trace.sources.length === 0) return <p className="hint">{t('lots.noSources')}</p>;
  return (
    <>
      <p data-testid="lineage-total">
        {t('lots.fromSources', { total: formatMassKg(trace.totalG), count: trace.sources.length })}
      </p>
      <ul className="lineage-tree" data-testid="lineage-backward">
        <li>
          <strong>{trace.lot.lotId}</strong> {words.material(trace.lot)}
          <ul>
            {trace.sources.map((s) => (
              <li key={s.lotId}>
                <Link to={lotPath(s.lotId)}>{s.lotId}</Link>{' '}
                <span className="lineage-mass">{t('lots.contributed', { mass: formatMassKg(s.grams) })}</span>
                <span className="lineage-meta">
                  {words.grade(s.grade)} · {words.sourceClass(s.sourceClass)} · {siteLabel(s.originSite)}
                </span>
              </li>
            ))}
          </ul>
        </li>
      </ul>
      <dl className="facts lot-facts">
        <dt>{t('lots.postConsumer')}</dt>
        <dd>{formatMassKg(trace.bySourceClass.post_consumer)}</dd>
        <dt>{t('lots.preConsumer')}</dt>
        <dd>{formatMassKg(trace.bySourceClass.pre_consumer)}</dd>
        <dt>{t('lots.additions')}</dt>
        <dd>{formatMassKg(trace.additionsG)}</dd>
      </dl>
    </>
  );
}

function ExitLine({ exit }: { exit: TraceExit }): ReactElement {
  const { t } = useTranslation();
  const words = useLotWords();
  const siteLabel = useSiteLabel();
  const mass = formatMassKg(exit.massG);
  if (exit.exit === 'shipped') {
    return (
      <>
        {t('lots.exitShipped', {
          buyer: siteLabel(exit.buyer),
          chain: exit.chain ? words.chain(exit.chain) : '',
          mass,
        })}
      </>
    );
  }
  return <>{t('lots.exitRouted', { route: words.route(exit.exit), mass })}</>;
}

function Forward({ trace }: { trace: ForwardTrace }): ReactElement {
  const { t } = useTranslation();
  const words = useLotWords();
  if (trace.reached.length === 0 && trace.exits.length === 0) return <p className="hint">{t('lots.noReached')}</p>;
  return (
    <>
      {trace.fedG > 0 && <p>{t('lots.fed', { mass: formatMassKg(trace.fedG) })}</p>}
      <ul className="lineage-tree" data-testid="lineage-forward">
        <li>
          <strong>{trace.lot.lotId}</strong> {words.material(trace.lot)}
          <ul>
            {trace.exits.map((exit) => (
              <li key={`exit-${exit.seq}`}>
                <ExitLine exit={exit} />
              </li>
            ))}
            {trace.reached.map((lot) => (
              <li key={lot.lotId}>
                <Link to={lotPath(lot.lotId)}>{lot.lotId}</Link>{' '}
                <span className="lineage-mass">{t('lots.carries', { mass: formatMassKg(lot.carriedG) })}</span>
                <span className="lineage-meta">
                  {words.material(lot)} · {words.state(lot.state)}
                </span>
                {lot.exits.length > 0 && (
                  <ul>
                    {lot.exits.map((exit) => (
                      <li key={`exit-${exit.seq}`}>
                        <ExitLine exit={exit} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </li>
      </ul>
    </>
  );
}
