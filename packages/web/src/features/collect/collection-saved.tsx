import { formatMassKg } from '@alutrace/shared';
import { type ReactElement, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { labelPrintPath, lotPath } from '../lots/lot-links';
import type { SavedCollection } from './collection-form';

interface CollectionSavedProps {
  saved: SavedCollection;
  onNext: () => void;
}

/** The new lot's id, large enough to read across the scale house, with the label to print and the next weighing. */
export function CollectionSaved({ saved, onNext }: CollectionSavedProps): ReactElement {
  const { t } = useTranslation();
  const next = useRef<HTMLButtonElement>(null);
  const printPath = labelPrintPath([saved.lotId]);
  useEffect(() => {
    // The label goes on the load now; the print page prints as it opens. If the browser
    // blocks the new tab, the button below does the same.
    window.open(printPath, '_blank', 'noopener');
    next.current?.focus();
  }, [printPath]);
  return (
    <section className="card collect-saved" aria-labelledby="collect-saved-title" data-testid="collect-saved">
      <h2 id="collect-saved-title" className="status status-ok">
        {t('collect.saved')}
      </h2>
      {saved.replayed && <p className="hint">{t('collect.replayed')}</p>}
      <dl className="saved-facts">
        <dt>{t('collect.savedLot')}</dt>
        <dd className="saved-lot" data-testid="saved-lot-id">
          {saved.lotId}
        </dd>
        <dt>{t('collect.savedNet')}</dt>
        <dd className="saved-net" data-testid="saved-net">
          {formatMassKg(saved.netG)}
        </dd>
      </dl>
      <div className="saved-actions">
        <a
          className="button button-primary button-big"
          href={printPath}
          target="_blank"
          rel="noopener"
          data-testid="print-label"
        >
          {t('collect.printLabel')}
        </a>
        <button type="button" className="button button-big" ref={next} onClick={onNext} data-testid="collect-next">
          {t('collect.next')}
        </button>
        <Link className="button button-big" to={lotPath(saved.lotId)} data-testid="open-lot">
          {t('collect.openLot')}
        </Link>
      </div>
    </section>
  );
}
