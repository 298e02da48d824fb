import {
  type BackwardTrace,
  type ForwardTrace,
  formatMassKg,
  type TraceExit,
  type TraceLink,
  type TraceMadeLot,
  type TraceReachedLot,
  type TraceRun,
} from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingNotice } from '../../components/loading-notice';
import { useFormat } from '../../i18n/use-format';
import { useTRPC } from '../../lib/trpc';
import { lotPath } from './lot-links';
import { useLotWords } from './use-lot-words';
import { useSiteLabel } from './use-site-names';

/**
 * Where the lot came from and where it went (lots.trace both ways), as
 * indented trees, masses in kg: each level is the run that linked a lot to
 * the next, with the grams it took in (and forward, how many of them are the
 * traced lot's). Where paths meet again, the lot is shown under each parent
 * with that link's grams, and its own subtree only the first time.
 */
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

/** "熔炼 · 平果再生铝 · 2026-12-01 10:00": the run a level of the tree hangs on. */
function RunLine({ run, seq }: { run: TraceRun | undefined; seq: number }): ReactElement {
  const { t } = useTranslation();
  const words = useLotWords();
  const format = useFormat();
  const siteLabel = useSiteLabel();
  if (!run) return <span className="lineage-run">#{seq}</span>;
  return (
    <span className="lineage-run">
      {t('lots.runLine', {
        process: words.process(run.process),
        site: siteLabel(run.site),
        date: format.dateTime(run.occurredAt),
      })}
    </span>
  );
}

/** Links grouped by the run that made them, in run order. */
function byRun<T extends { link: TraceLink }>(items: T[]): [number, T[]][] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const list = groups.get(item.link.runSeq) ?? [];
    list.push(item);
    groups.set(item.link.runSeq, list);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]);
}

function Backward({ trace }: { trace: BackwardTrace }): ReactElement {
  const { t } = useTranslation();
  const words = useLotWords();
  const siteLabel = useSiteLabel();
  const onlyItself = trace.sources.length === 1 && trace.sources[0]?.lotId === trace.lot.lotId;
  if (onlyItself || trace.sources.length === 0) return <p className="hint">{t('lots.noSources')}</p>;
  const made = new Map(trace.made.map((m) => [m.lotId, m]));
  const sources = new Map(trace.sources.map((s) => [s.lotId, s]));
  const runs = new Map(trace.runs.map((r) => [r.seq, r]));
  const shown = new Set<string>();

  const inputsOf = (lot: TraceMadeLot): ReactNode =>
    byRun(lot.inputs.map((link) => ({ link }))).map(([seq, items]) => (
      <li key={`run-${seq}`} className="lineage-run-row">
        <RunLine run={runs.get(seq)} seq={seq} />
        <ul>
          {items.map(({ link }) => (
            <li key={link.lotId} data-testid="lineage-node" data-lot={link.lotId}>
              <Link to={lotPath(link.lotId)}>{link.lotId}</Link>{' '}
              <span className="lineage-mass">{t('lots.used', { mass: formatMassKg(link.consumedG) })}</span>
              {nodeOf(link.lotId)}
            </li>
          ))}
        </ul>
      </li>
    ));

  const nodeOf = (lotId: string): ReactNode => {
    const source = sources.get(lotId);
    if (source) {
      // What it gave in all, said once: where it shows again, a pointer back.
      const first = !shown.has(lotId);
      shown.add(lotId);
      return (
        <>
          <span className="lineage-meta lineage-gave">
            {first ? t('lots.gaveToLot', { mass: formatMassKg(source.grams) }) : t('lots.gaveAbove')}
          </span>
          <span className="lineage-meta">
            {words.grade(source.grade)} · {words.sourceClass(source.sourceClass)} · {siteLabel(source.originSite)}
          </span>
        </>
      );
    }
    const lot = made.get(lotId);
    if (!lot) return null;
    const first = !shown.has(lotId);
    shown.add(lotId);
    return (
      <>
        <span className="lineage-meta">{words.material(lot)}</span>
        {first ? <ul>{inputsOf(lot)}</ul> : <span className="lineage-meta">{t('lots.sourcesAbove')}</span>}
      </>
    );
  };

  const root = made.get(trace.lot.lotId);
  if (root) shown.add(root.lotId);
  return (
    <>
      <p data-testid="lineage-total">
        {t('lots.fromSources', { total: formatMassKg(trace.totalG), count: trace.sources.length })}
      </p>
      <ul className="lineage-tree" data-testid="lineage-backward">
        <li>
          <strong>{trace.lot.lotId}</strong> <span className="lineage-meta">{words.material(trace.lot)}</span>
          {root && <ul>{inputsOf(root)}</ul>}
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
  const runs = new Map(trace.runs.map((r) => [r.seq, r]));
  // Children of each lot: the reached lots with a link from it.
  const children = new Map<string, { lot: TraceReachedLot; link: TraceLink }[]>();
  for (const lot of trace.reached) {
    for (const link of lot.parents) {
      const list = children.get(link.lotId) ?? [];
      list.push({ lot, link });
      children.set(link.lotId, list);
    }
  }
  const shown = new Set<string>();

  const exitsOf = (exits: TraceExit[]): ReactNode =>
    exits.map((exit) => (
      <li key={`exit-${exit.seq}`} className="lineage-exit">
        <ExitLine exit={exit} />
      </li>
    ));

  const childrenOf = (lotId: string): ReactNode =>
    byRun(children.get(lotId) ?? []).map(([seq, items]) => (
      <li key={`run-${seq}`} className="lineage-run-row">
        <RunLine run={runs.get(seq)} seq={seq} />
        <ul>
          {items.map(({ lot, link }) => (
            <li key={lot.lotId} data-testid="lineage-node" data-lot={lot.lotId}>
              <Link to={lotPath(lot.lotId)}>{lot.lotId}</Link>{' '}
              <span className="lineage-mass">
                {t('lots.usedCarrying', {
                  consumed: formatMassKg(link.consumedG),
                  carried: formatMassKg(link.carriedG ?? 0),
                })}
              </span>
              <span className="lineage-meta">
                {words.material(lot)} · {words.state(lot.state)}
              </span>
              {lot.parents.length > 1 && (
                <span className="lineage-meta">
                  {t('lots.inAllPaths', { mass: formatMassKg(lot.carriedG), count: lot.parents.length })}
                </span>
              )}
              {nested(lot)}
            </li>
          ))}
        </ul>
      </li>
    ));

  const nested = (lot: TraceReachedLot): ReactNode => {
    const onward = (children.get(lot.lotId)?.length ?? 0) > 0;
    if (shown.has(lot.lotId)) {
      return onward || lot.exits.length > 0 ? <span className="lineage-meta">{t('lots.onwardAbove')}</span> : null;
    }
    shown.add(lot.lotId);
    if (!onward && lot.exits.length === 0) return null;
    return (
      <ul>
        {exitsOf(lot.exits)}
        {childrenOf(lot.lotId)}
      </ul>
    );
  };

  return (
    <>
      {trace.fedG > 0 && <p>{t('lots.fed', { mass: formatMassKg(trace.fedG) })}</p>}
      <ul className="lineage-tree" data-testid="lineage-forward">
        <li>
          <strong>{trace.lot.lotId}</strong> <span className="lineage-meta">{words.material(trace.lot)}</span>
          <ul>
            {exitsOf(trace.exits)}
            {childrenOf(trace.lot.lotId)}
          </ul>
        </li>
      </ul>
    </>
  );
}
