import { formatMassKg, type LotSummary } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/use-format';
import { lotPath } from './lot-links';
import { useLotWords } from './use-lot-words';
import { useSiteLabel } from './use-site-names';

/** One lot in a list: its id, what it is, how much is left of how much, and its state; the whole row opens it. */
export function LotRow({ lot }: { lot: LotSummary }): ReactElement {
  const { t } = useTranslation();
  const words = useLotWords();
  const format = useFormat();
  const siteLabel = useSiteLabel();
  return (
    <li>
      <Link className="lot-row" to={lotPath(lot.lotId)} data-testid="lot-row">
        <span className="lot-row-id">{lot.lotId}</span>
        <span>
          {words.material(lot)}
          <span className="lot-row-meta">
            {' · '}
            {siteLabel(lot.holder ?? lot.originSite)} · {format.dateTime(lot.createdAt)}
          </span>
        </span>
        <span className="lot-row-balance">
          {t('lots.balanceOf', { balance: formatMassKg(lot.balanceG), mass: formatMassKg(lot.massG) })}
        </span>
        <span className={`badge lot-state-${lot.state}`}>{words.state(lot.state)}</span>
      </Link>
    </li>
  );
}
