// /ship: a recycled-aluminium lot goes, whole, to a buyer (shipments.record),
// with the downstream chain it enters.
import '../lifecycle-forms/lifecycle.css';
import {
  DOWNSTREAM_CHAIN_NAMES,
  DOWNSTREAM_CHAINS,
  type DownstreamChain,
  type LotView,
  type RecordedView,
} from '@alutrace/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useDocumentTitle } from '../../app/use-document-title';
import { Field } from '../../components/field';
import { useNames } from '../../i18n/use-names';
import { useTRPC } from '../../lib/trpc';
import { ActingSitePicker } from '../lifecycle-forms/acting-site-picker';
import { CameraScanner } from '../lifecycle-forms/camera-scanner';
import { ChoiceList } from '../lifecycle-forms/choice-list';
import { commonEn, commonZh } from '../lifecycle-forms/common-words';
import { LotEntryField } from '../lifecycle-forms/lot-entry-field';
import { useLotNames } from '../lifecycle-forms/lot-names';
import { MassFigure } from '../lifecycle-forms/mass-field';
import { ProblemNotice } from '../lifecycle-forms/problem-notice';
import { RecordedLots } from '../lifecycle-forms/recorded-lots';
import { fieldProblems, problemForLot, useDescribeProblem } from '../lifecycle-forms/server-problem';
import { useActingSite } from '../lifecycle-forms/use-acting-site';
import { useIdempotencyKey } from '../lifecycle-forms/use-idempotency-key';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { shipEn, shipZh } from './ship-words';

const BUYER_CODES = ['SITE_KIND_WRONG', 'SITE_UNKNOWN', 'SITE_INACTIVE'];

export function ShipPage(): ReactElement {
  const w = useWords(shipZh, shipEn);
  const c = useWords(commonZh, commonEn);
  const lang = useLang();
  useDocumentTitle(w.title);
  const trpc = useTRPC();
  const names = useNames();
  const lotNames = useLotNames();
  const acting = useActingSite(['recycler']);
  const here = acting.site?.code ?? '';
  const buyers = (useQuery(trpc.sites.list.queryOptions()).data ?? []).filter((s) => s.active && s.kind === 'buyer');
  const [lot, setLot] = useState<LotView | null>(null);
  const [buyer, setBuyer] = useState('');
  const [chain, setChain] = useState<DownstreamChain | ''>('');
  const [invoice, setInvoice] = useState('');
  const [contract, setContract] = useState('');
  const [done, setDone] = useState<RecordedView | null>(null);
  const idem = useIdempotencyKey();
  const ship = useMutation(trpc.shipments.record.mutationOptions());
  const describe = useDescribeProblem(c.unreachable);
  const problem = describe(ship.error);

  const check = (l: LotView): string | null => {
    if (l.kind !== 'product') return w.notProduct(l.lotId);
    if (l.state !== 'on_hand') return w.notOnHand(l.lotId, lotNames.state(l));
    if (l.holder !== here) return w.notHere(l.lotId);
    return null;
  };

  if (done && lot) {
    return (
      <div className="page page-narrow lifecycle-page" data-testid="ship-done">
        <h1>{w.done}</h1>
        <p className="notice status-ok">
          {c.recorded(done.seq)} {done.replayed ? c.replayed : ''}
        </p>
        <RecordedLots lots={[{ lotId: lot.lotId, massG: lot.balanceG }]} />
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setDone(null);
            setLot(null);
            setInvoice('');
            setContract('');
            ship.reset();
          }}
        >
          {w.another}
        </button>
      </div>
    );
  }

  const lotProblem = lot ? problemForLot(problem, lot.lotId) : null;
  const buyerProblem = problem && BUYER_CODES.includes(problem.code ?? '') ? problem.message : null;
  const placed = lotProblem || buyerProblem || fieldProblems(problem, 'buyer', 'chain', 'sealed');
  // A button, not a form's submit: the camera scanner inside has its own small form.
  const save = (): void => {
    if (!acting.site || !lot || !buyer || !chain) return;
    ship.mutate(
      {
        site: acting.site.code,
        lotId: lot.lotId,
        buyer,
        chain,
        massG: lot.balanceG,
        idempotencyKey: idem.key,
        sealed: {
          ...(invoice.trim() ? { invoiceNumber: invoice.trim() } : {}),
          ...(contract.trim() ? { contractNumber: contract.trim() } : {}),
        },
      },
      {
        onSuccess: (result) => {
          idem.renew();
          setDone(result);
        },
        onError: idem.afterError,
      },
    );
  };
  return (
    <div className="page page-narrow lifecycle-page" data-testid="ship-page">
      <h1>{w.title}</h1>
      <p className="lead">{w.intro}</p>
      <div className="form">
        <ActingSitePicker sites={acting.sites} site={acting.site} onChange={acting.choose} />
        <LotEntryField
          label={w.lot}
          hint={w.lotHint}
          check={check}
          onLot={(l) => setLot(l)}
          errors={lotProblem ? [lotProblem] : undefined}
          testId="ship-lot"
          renderScanner={(onScanned) => <CameraScanner onScanned={onScanned} />}
        />
        {lot && (
          <p data-testid="ship-mass">
            {w.whole} <MassFigure grams={lot.balanceG} />
          </p>
        )}
        <Field label={w.buyer} errors={buyerProblem ? [buyerProblem] : fieldProblems(problem, 'buyer')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={buyer}
              onChange={(e) => setBuyer(e.target.value)}
              data-testid="ship-buyer"
            >
              <option value="">{w.chooseBuyer}</option>
              {buyers.map((s) => (
                <option key={s.code} value={s.code}>
                  {names.siteLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ChoiceList
          legend={w.chain}
          name="chain"
          value={chain}
          onChange={(v) => setChain(v as DownstreamChain)}
          options={DOWNSTREAM_CHAINS.map((k) => ({ value: k, label: DOWNSTREAM_CHAIN_NAMES[k][lang] }))}
          errors={fieldProblems(problem, 'chain')}
          testId="ship-chain"
        />
        <div className="form-columns">
          <Field label={w.invoice} errors={fieldProblems(problem, 'sealed.invoiceNumber')}>
            {(control) => (
              <input {...control} className="input" value={invoice} onChange={(e) => setInvoice(e.target.value)} />
            )}
          </Field>
          <Field label={w.contract} errors={fieldProblems(problem, 'sealed.contractNumber')}>
            {(control) => (
              <input {...control} className="input" value={contract} onChange={(e) => setContract(e.target.value)} />
            )}
          </Field>
        </div>
        <p className="hint">{w.sealedHint}</p>
        <ProblemNotice problem={placed ? null : problem} />
        {!lot && <p className="hint">{w.needLot}</p>}
        <div className="form-actions">
          <button
            type="button"
            onClick={save}
            className="button button-primary"
            disabled={ship.isPending || !lot || !buyer || !chain || !acting.site}
            data-testid="ship-save"
          >
            {ship.isPending ? c.saving : w.save}
          </button>
        </div>
        <p className="hint">{c.retryNote}</p>
      </div>
    </div>
  );
}
