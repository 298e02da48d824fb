import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { commonEn, commonZh } from './common-words';
import { MassFigure } from './mass-field';
import { useWords } from './use-words';

/** Lots an event made or moved: each links to its page; new lots get a link to print their labels. */
export function RecordedLots({
  lots,
  printable = false,
}: {
  lots: { lotId: string; massG: number }[];
  printable?: boolean;
}): ReactElement {
  const w = useWords(commonZh, commonEn);
  return (
    <div className="lc-recorded-lots">
      <ul className="plain-list lc-lot-list" data-testid="recorded-lots">
        {lots.map((lot) => (
          <li key={lot.lotId} className="lc-lot-row">
            <Link className="lc-lot-id" to={`/lots/${lot.lotId}`} data-testid="recorded-lot">
              {lot.lotId}
            </Link>
            <MassFigure grams={lot.massG} />
            {printable && (
              <a className="button button-small" href={`/labels/print?lots=${encodeURIComponent(lot.lotId)}`}>
                {w.printLabels}
              </a>
            )}
          </li>
        ))}
      </ul>
      {printable && lots.length > 1 && (
        <a
          className="button"
          data-testid="print-all"
          href={`/labels/print?lots=${lots.map((l) => encodeURIComponent(l.lotId)).join(',')}`}
        >
          {w.printLabels} ({lots.length})
        </a>
      )}
    </div>
  );
}
