// /dispatch: a truckload leaves this site (transfers.dispatch). Lots are
// added one by one, each checked on the spot (held here, on hand, the
// destination's kind, the label's check code); the server checks it all again.
import '../lifecycle-forms/lifecycle.css';
import { formatMassKg, type LotView, type RecordedView } from '@alutrace/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useDocumentTitle } from '../../app/use-document-title';
import { Field } from '../../components/field';
import { useNames } from '../../i18n/use-names';
import { useTRPC } from '../../lib/trpc';
import { ActingSitePicker } from '../lifecycle-forms/acting-site-picker';
import { CameraScanner } from '../lifecycle-forms/camera-scanner';
import { commonEn, commonZh } from '../lifecycle-forms/common-words';
import { LotEntryField } from '../lifecycle-forms/lot-entry-field';
import { LotFacts } from '../lifecycle-forms/lot-facts';
import { useLotNames } from '../lifecycle-forms/lot-names';
import { MassFigure } from '../lifecycle-forms/mass-field';
import { InlineProblem, ProblemNotice } from '../lifecycle-forms/problem-notice';
import { RecordedLots } from '../lifecycle-forms/recorded-lots';
import { fieldProblems, problemForLot, useDescribeProblem } from '../lifecycle-forms/server-problem';
import { useActingSite } from '../lifecycle-forms/use-acting-site';
import { useIdempotencyKey } from '../lifecycle-forms/use-idempotency-key';
import { useWords } from '../lifecycle-forms/use-words';
import { dispatchEn, dispatchZh } from './dispatch-words';

const TO_CODES = ['to', 'SAME_SITE', 'SITE_KIND_WRONG', 'SITE_UNKNOWN', 'SITE_INACTIVE'];

export function DispatchPage(): ReactElement {
  const w = useWords(dispatchZh, dispatchEn);
  const c = useWords(commonZh, commonEn);
  useDocumentTitle(w.title);
  const trpc = useTRPC();
  const names = useNames();
  const lotNames = useLotNames();
  const acting = useActingSite(['collection_point', 'recycler']);
  const sites = useQuery(trpc.sites.list.queryOptions()).data ?? [];
  const [to, setTo] = useState('');
  const [load, setLoad] = useState<LotView[]>([]);
  /** The lot last offered twice (its note follows the language). */
  const [note, setNote] = useState<string | null>(null);
  const [plate, setPlate] = useState('');
  const [driver, setDriver] = useState('');
  const [waybill, setWaybill] = useState('');
  const [done, setDone] = useState<RecordedView | null>(null);
  const idem = useIdempotencyKey();
  const describe = useDescribeProblem(c.unreachable);
  const dispatch = useMutation(trpc.transfers.dispatch.mutationOptions());
  const problem = describe(dispatch.error);
  const here = acting.site?.code ?? '';
  const destinations = sites.filter(
    (s) => s.active && s.code !== here && (s.kind === 'recycler' || s.kind === 'utiliser'),
  );
  const toSite = destinations.find((s) => s.code === to);
  const totalG = load.reduce((s, l) => s + l.balanceG, 0);

  const check = (lot: LotView): string | null => {
    if (load.some((l) => l.lotId === lot.lotId)) return null;
    if (lot.state !== 'on_hand') return w.notOnHand(lot.lotId, lotNames.state(lot));
    if (lot.holder !== here) return w.notHere(lot.lotId, lot.holder ?? '—');
    if (toSite?.kind === 'utiliser' && lot.kind !== 'byproduct') return w.scrapToUtiliser(lot.lotId);
    return null;
  };
  const add = (lot: LotView): void => {
    if (load.some((l) => l.lotId === lot.lotId)) {
      setNote(lot.lotId);
      return;
    }
    setNote(null);
    setLoad((l) => (l.some((x) => x.lotId === lot.lotId) ? l : [...l, lot]));
  };
  // A button, not a form's submit: the camera scanner inside has its own small form.
  const submit = (): void => {
    if (!acting.site || !toSite || load.length === 0) return;
    const sealed = {
      ...(plate.trim() ? { vehiclePlate: plate.trim() } : {}),
      ...(driver.trim() ? { driver: driver.trim() } : {}),
      ...(waybill.trim() ? { waybillNumber: waybill.trim() } : {}),
    };
    dispatch.mutate(
      {
        site: acting.site.code,
        to: toSite.code,
        lots: load.map((l) => ({ lotId: l.lotId, massG: l.balanceG })),
        sealed,
        idempotencyKey: idem.key,
      },
      {
        onSuccess: (result) => {
          setDone(result);
          idem.renew();
        },
        onError: idem.afterError,
      },
    );
  };

  if (done) {
    return (
      <div className="page page-narrow lifecycle-page" data-testid="dispatch-done">
        <h1>{w.done}</h1>
        <p className="notice status-ok">
          {c.recorded(done.seq)} {done.replayed ? c.replayed : ''}
        </p>
        <p>
          {w.doneDispatch(done.dispatchId ?? '—')} · {toSite ? names.siteLabel(toSite) : to} · {w.count(load.length)} ·{' '}
          {formatMassKg(totalG)}
        </p>
        <RecordedLots lots={load.map((l) => ({ lotId: l.lotId, massG: l.balanceG }))} />
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setDone(null);
            setLoad([]);
            setPlate('');
            setDriver('');
            setWaybill('');
            dispatch.reset();
          }}
        >
          {w.another}
        </button>
      </div>
    );
  }

  const toProblem = problem && (TO_CODES.includes(problem.code ?? '') ? problem.message : null);
  const placed = toProblem || load.some((l) => problemForLot(problem, l.lotId)) || fieldProblems(problem, 'sealed');
  return (
    <div className="page page-narrow lifecycle-page" data-testid="dispatch-page">
      <h1>{w.title}</h1>
      <p className="lead">{w.intro}</p>
      <div className="form">
        <ActingSitePicker sites={acting.sites} site={acting.site} onChange={acting.choose} />
        <Field label={w.to} errors={[...(toProblem ? [toProblem] : []), ...(fieldProblems(problem, 'to') ?? [])]}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              data-testid="dispatch-to"
            >
              <option value="">{w.toChoose}</option>
              {(['recycler', 'utiliser'] as const).map((kind) => (
                <optgroup key={kind} label={kind === 'recycler' ? w.toRecyclers : w.toUtilisers}>
                  {destinations
                    .filter((s) => s.kind === kind)
                    .map((s) => (
                      <option key={s.code} value={s.code}>
                        {names.siteLabel(s)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <LotEntryField
          label={w.load}
          hint={w.loadHint}
          check={check}
          onLot={add}
          continuous
          testId="dispatch-lot"
          renderScanner={(onScanned) => <CameraScanner continuous onScanned={onScanned} />}
        />
        {note && (
          <p className="field-note" data-testid="dispatch-repeat">
            {w.repeat(note)}
          </p>
        )}
        <section className="lc-truckload" aria-label={w.load}>
          <div className="lc-truckload-total" data-testid="dispatch-total">
            <strong>{w.count(load.length)}</strong>
            <span>
              {w.total} <MassFigure grams={totalG} />
            </span>
          </div>
          {load.length === 0 ? (
            <p className="empty">{w.empty}</p>
          ) : (
            <ul className="plain-list lc-lot-list">
              {load.map((lot) => (
                <li key={lot.lotId} data-testid="dispatch-row">
                  <div className="lc-lot-row">
                    <LotFacts lot={lot} />
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setLoad((l) => l.filter((x) => x.lotId !== lot.lotId))}
                    >
                      {c.remove}
                    </button>
                  </div>
                  <InlineProblem message={problemForLot(problem, lot.lotId)} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="form-columns">
          <Field label={w.plate} errors={fieldProblems(problem, 'sealed.vehiclePlate')}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={plate}
                onChange={(e) => setPlate(e.target.value)}
                data-testid="dispatch-plate"
              />
            )}
          </Field>
          <Field label={w.driver} errors={fieldProblems(problem, 'sealed.driver')}>
            {(control) => (
              <input {...control} className="input" value={driver} onChange={(e) => setDriver(e.target.value)} />
            )}
          </Field>
          <Field label={w.waybill} errors={fieldProblems(problem, 'sealed.waybillNumber')}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={waybill}
                onChange={(e) => setWaybill(e.target.value)}
                data-testid="dispatch-waybill"
              />
            )}
          </Field>
        </div>
        <p className="hint">{w.sealedHint}</p>
        <ProblemNotice problem={placed ? null : problem} />
        {!toSite && load.length > 0 && <p className="field-error">{w.toRequired}</p>}
        <div className="form-actions">
          <button
            type="button"
            onClick={submit}
            className="button button-primary"
            disabled={dispatch.isPending || !toSite || load.length === 0 || !acting.site}
            data-testid="dispatch-confirm"
          >
            {dispatch.isPending ? c.saving : w.confirm(load.length, formatMassKg(totalG))}
          </button>
        </div>
        <p className="hint">{c.retryNote}</p>
      </div>
    </div>
  );
}
