import type { LotView } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { labelPrintPath, labelSvgPath, passportPath } from './lot-links';

/** The label again (to reprint a torn one) and the public passport that anyone who scans it sees. */
export function LotLabelCard({ lot }: { lot: LotView }): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="card lot-card" aria-labelledby="lot-label-title" data-testid="lot-label">
      <h2 id="lot-label-title">{t('lots.label')}</h2>
      <div className="lot-actions">
        <a
          className="button button-primary button-big"
          href={labelPrintPath([lot.lotId])}
          target="_blank"
          rel="noopener"
          data-testid="lot-reprint"
        >
          {t('lots.reprint')}
        </a>
        <a className="button button-big" href={labelSvgPath(lot.lotId)} target="_blank" rel="noopener">
          {t('lots.reprintSvg')}
        </a>
      </div>
      <h3>{t('lots.integrityTitle')}</h3>
      <p>{t('lots.integrity')}</p>
      <p>
        <a href={passportPath(lot.lotId, lot.labelDigest)} data-testid="lot-passport">
          {t('lots.passport')}
        </a>{' '}
        <code className="lot-digest">d={lot.labelDigest}</code>
      </p>
    </section>
  );
}
