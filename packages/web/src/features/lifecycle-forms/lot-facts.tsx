import type { LotSummary } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { commonEn, commonZh } from './common-words';
import { useLotNames } from './lot-names';
import { MassFigure } from './mass-field';
import { useWords } from './use-words';

/** One line about a lot: its id (a link to its page), what it is, its balance and state. */
export function LotFacts({ lot }: { lot: LotSummary }): ReactElement {
  const w = useWords(commonZh, commonEn);
  const names = useLotNames();
  return (
    <div className="lc-lot-facts" data-testid="lot-facts" data-lot={lot.lotId}>
      <Link className="lc-lot-id" to={`/lots/${lot.lotId}`}>
        {lot.lotId}
      </Link>
      <span>{names.material(lot)}</span>
      <span>
        {w.balance} <MassFigure grams={lot.balanceG} />
      </span>
      <span className="badge badge-muted">{names.state(lot)}</span>
    </div>
  );
}
