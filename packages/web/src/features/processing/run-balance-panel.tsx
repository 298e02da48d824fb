import { pctText, type RunBalance } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { MassFigure } from '../lifecycle-forms/mass-field';
import { useWords } from '../lifecycle-forms/use-words';
import { processEn, processZh } from './process-words';

/** In, out, loss, the scrap's yield against its band, recycled content: as the ledger will count them. */
export function RunBalancePanel({ balance, lossFlagPct }: { balance: RunBalance; lossFlagPct: number }): ReactElement {
  const w = useWords(processZh, processEn);
  const b = balance;
  return (
    <section className="lc-run-section" aria-label={w.balance} data-testid="run-balance">
      <h2>{w.balance}</h2>
      <dl className="lc-balance-panel">
        <div>
          <dt>{w.in}</dt>
          <dd data-testid="balance-in">
            <MassFigure grams={b.inG} />
          </dd>
        </div>
        <div className={b.exceeded ? 'lc-balance-bad' : undefined}>
          <dt>{w.out}</dt>
          <dd data-testid="balance-out">
            <MassFigure grams={b.outG} />
          </dd>
        </div>
        <div className={b.lossFlagged ? 'lc-balance-flag' : b.exceeded ? 'lc-balance-bad' : undefined}>
          <dt>{w.loss}</dt>
          <dd data-testid="balance-loss">
            <strong>{pctText(b.lossPpm)}</strong>
            <div>
              <MassFigure grams={b.lossG} />
            </div>
          </dd>
        </div>
        <div className={b.yieldOutOfBand ? 'lc-balance-flag' : undefined}>
          <dt>{w.yield}</dt>
          <dd data-testid="balance-yield">
            <strong>{b.yieldPpm === null ? w.noYield : pctText(b.yieldPpm)}</strong>
            {b.band && <div className="lc-mass-grams">{w.band(pctText(b.band.minPpm), pctText(b.band.maxPpm))}</div>}
          </dd>
        </div>
        <div>
          <dt>{w.recycled}</dt>
          <dd data-testid="balance-recycled">
            <strong>{pctText(b.recycledPpm)}</strong>
            <div className="lc-mass-grams">{w.postConsumer(pctText(b.postConsumerPpm))}</div>
          </dd>
        </div>
      </dl>
      {b.exceeded && (
        <p className="field-error" role="alert">
          {w.exceeded}
        </p>
      )}
      {b.lossFlagged && (
        <p className="lc-notice-warn" data-testid="balance-loss-flag">
          {w.lossFlag(lossFlagPct)}
        </p>
      )}
      {b.yieldOutOfBand && (
        <p className="lc-notice-warn" data-testid="balance-yield-flag">
          {w.yieldOut}
        </p>
      )}
    </section>
  );
}
