// /receive: the lots of a dispatch arrive (transfers.receive), each with the
// mass the receiving scale shows. The difference to the dispatched mass and
// whether it exceeds the tolerance (rule 5) are shown before saving: a
// warning, not a block, as the server flags and accepts it.
import '../lifecycle-forms/lifecycle.css';
import { formatMassKg, type RecordedView } from '@alutrace/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFormat } from '../../i18n/use-format';
import { useNames } from '../../i18n/use-names';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { ActingSitePicker } from '../lifecycle-forms/acting-site-picker';
import { commonEn, commonZh } from '../lifecycle-forms/common-words';
import { useLotNames } from '../lifecycle-forms/lot-names';
import { MassField, MassFigure } from '../lifecycle-forms/mass-field';
import { gramsOf, kgText } from '../lifecycle-forms/mass-text';
import { InlineProblem, ProblemNotice } from '../lifecycle-forms/problem-notice';
import { RecordedLots } from '../lifecycle-forms/recorded-lots';
import { problemForLot, useDescribeProblem } from '../lifecycle-forms/server-problem';
import { useActingSite } from '../lifecycle-forms/use-acting-site';
import { useIdempotencyKey } from '../lifecycle-forms/use-idempotency-key';
import { useRuleThresholds } from '../lifecycle-forms/use-rule-thresholds';
import { useWords } from '../lifecycle-forms/use-words';
import { type IncomingDispatch, loadIncomingDispatches } from './incoming-dispatches';
import { receiveEn, receiveZh } from './receive-words';

export function ReceivePage(): ReactElement {
  const w = useWords(receiveZh, receiveEn);
  const c = useWords(commonZh, commonEn);
  useDocumentTitle(w.title);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const format = useFormat();
  const names = useNames();
  const acting = useActingSite(['recycler', 'utiliser']);
  const site = acting.site?.code ?? '';
  const incoming = useQuery({
    queryKey: ['lifecycle', 'incoming', site],
    queryFn: () => loadIncomingDispatches(client, site),
    enabled: site !== '',
  });
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [done, setDone] = useState<{ result: RecordedView; lots: { lotId: string; massG: number }[] } | null>(null);
  const chosen = incoming.data?.find((d) => d.dispatchId === chosenId) ?? null;
  const sites = useQuery(trpc.sites.list.queryOptions()).data ?? [];
  const siteName = (code: string): string => {
    const found = sites.find((x) => x.code === code);
    return found ? names.siteLabel(found) : code;
  };

  if (done) {
    return (
      <div className="page page-narrow lifecycle-page" data-testid="receive-done">
        <h1>{w.done}</h1>
        <p className="notice status-ok">
          {c.recorded(done.result.seq)} {done.result.replayed ? c.replayed : ''}
        </p>
        {done.result.anomalies.map((a) => (
          <p key={`${a.lotId}-${a.kind}`} className="lc-notice-warn" data-testid="receive-flagged">
            {w.flagged(a.lotId)}
          </p>
        ))}
        <RecordedLots lots={done.lots} />
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setDone(null);
            setChosenId(null);
            void incoming.refetch();
          }}
        >
          {w.another}
        </button>
      </div>
    );
  }

  return (
    <div className="page page-narrow lifecycle-page" data-testid="receive-page">
      <h1>{w.title}</h1>
      <p className="lead">{w.intro}</p>
      <div className="form">
        <ActingSitePicker sites={acting.sites} site={acting.site} onChange={acting.choose} />
        <section className="lc-truckload" aria-label={w.incoming}>
          <h2>{w.incoming}</h2>
          {incoming.isPending && site !== '' && <p className="notice notice-loading">{w.loading}</p>}
          {incoming.data?.length === 0 && <p className="empty">{w.none}</p>}
          <ul className="plain-list lc-lot-list">
            {incoming.data?.map((d) => (
              <li key={d.dispatchId} data-testid="incoming-dispatch">
                <div className="lc-lot-row">
                  <span>
                    <strong>{w.from(siteName(d.fromSite))}</strong> · {format.dateTime(d.occurredAt)} ·{' '}
                    {w.lots(d.lots.length)} · {formatMassKg(d.lots.reduce((s, l) => s + l.dispatchedG, 0))}
                  </span>
                  {d.dispatchId === chosenId ? (
                    <span className="badge badge-accent">{w.chosen}</span>
                  ) : (
                    <button type="button" className="button button-small" onClick={() => setChosenId(d.dispatchId)}>
                      {w.choose}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
        {chosen && acting.site && (
          <ReceiptForm
            key={chosen.dispatchId}
            site={acting.site.code}
            dispatch={chosen}
            onDone={(result, lots) => setDone({ result, lots })}
            mutation={trpc.transfers.receive.mutationOptions()}
          />
        )}
      </div>
    </div>
  );
}

interface ReceiptFormProps {
  site: string;
  dispatch: IncomingDispatch;
  onDone: (result: RecordedView, lots: { lotId: string; massG: number }[]) => void;
  mutation: ReturnType<ReturnType<typeof useTRPC>['transfers']['receive']['mutationOptions']>;
}

function ReceiptForm({ site, dispatch, onDone, mutation }: ReceiptFormProps): ReactElement {
  const { transitTolerancePct } = useRuleThresholds();
  const w = useWords(receiveZh, receiveEn);
  const c = useWords(commonZh, commonEn);
  const names = useLotNames();
  const [masses, setMasses] = useState<Record<string, string>>({});
  const idem = useIdempotencyKey();
  const receive = useMutation(mutation);
  const describe = useDescribeProblem(c.unreachable);
  const problem = describe(receive.error);
  const entered = dispatch.lots.flatMap(({ lot }) => {
    const g = gramsOf(masses[lot.lotId] ?? '');
    return g === null ? [] : [{ lotId: lot.lotId, receivedG: g }];
  });
  const placed = dispatch.lots.some(({ lot }) => problemForLot(problem, lot.lotId));
  return (
    <form
      className="form"
      data-testid="receipt-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (entered.length === 0) return;
        receive.mutate(
          { site, dispatchId: dispatch.dispatchId, lots: entered, idempotencyKey: idem.key },
          {
            onSuccess: (result) => {
              idem.renew();
              onDone(
                result,
                entered.map((e) => ({ lotId: e.lotId, massG: e.receivedG })),
              );
            },
            onError: idem.afterError,
          },
        );
      }}
    >
      <ul className="plain-list lc-lot-list">
        {dispatch.lots.map(({ lot, dispatchedG }) => {
          const text = masses[lot.lotId] ?? '';
          const receivedG = gramsOf(text);
          const diffG = receivedG === null ? null : receivedG - dispatchedG;
          const over = diffG !== null && Math.abs(diffG) * 100 > dispatchedG * transitTolerancePct;
          const pct = diffG === null ? '' : `${((diffG * 100) / dispatchedG).toFixed(2)} %`;
          return (
            <li key={lot.lotId} data-testid="receipt-row" data-lot={lot.lotId}>
              <div className="lc-lot-row">
                <span className="lc-lot-id">{lot.lotId}</span>
                <span>{names.material(lot)}</span>
                <span>
                  {w.dispatched} <MassFigure grams={dispatchedG} />
                </span>
              </div>
              <div className="lc-receipt-entry">
                <MassField
                  label={w.received}
                  hint={w.receivedHint}
                  value={text}
                  onChange={(v) => setMasses((m) => ({ ...m, [lot.lotId]: v }))}
                  testId={`received-${lot.lotId}`}
                />
                <button
                  type="button"
                  className="button button-small lc-same-as-sent"
                  onClick={() => setMasses((m) => ({ ...m, [lot.lotId]: kgText(dispatchedG) }))}
                >
                  {w.sameAsSent}
                </button>
              </div>
              {diffG !== null && (
                <p className="lc-discrepancy" data-testid="receipt-diff">
                  {w.diff}:{' '}
                  <strong>{`${diffG > 0 ? '+' : diffG < 0 ? '−' : ''}${formatMassKg(Math.abs(diffG))}`}</strong> ({pct}){' '}
                  {!over && <span className="badge badge-ok">{w.withinTolerance(transitTolerancePct)}</span>}
                </p>
              )}
              {over && (
                <p className="lc-notice-warn" role="status" data-testid="receipt-over-tolerance">
                  {w.overTolerance(pct, transitTolerancePct)}
                </p>
              )}
              <InlineProblem message={problemForLot(problem, lot.lotId)} />
            </li>
          );
        })}
      </ul>
      <ProblemNotice problem={placed ? null : problem} />
      {entered.length === 0 && <p className="hint">{w.nothingEntered}</p>}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={receive.isPending || entered.length === 0}
          data-testid="receive-save"
        >
          {receive.isPending ? c.saving : w.save(entered.length)}
        </button>
      </div>
      <p className="hint">{c.retryNote}</p>
    </form>
  );
}
