import { formatMassKg, type LotView } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { useLotWords } from './use-lot-words';
import { ppmAsPercent, useSiteLabel } from './use-site-names';

/** What the lot is, how much of it is left, and where it is. */
export function LotDetails({ lot }: { lot: LotView }): ReactElement {
  const { t } = useTranslation();
  const words = useLotWords();
  const format = useFormat();
  const siteLabel = useSiteLabel();
  const where =
    lot.state === 'in_transit' && lot.transitTo
      ? t('lots.inTransitTo', { site: siteLabel(lot.transitTo) })
      : siteLabel(lot.holder);
  return (
    <section className="card lot-card" aria-labelledby="lot-details-title" data-testid="lot-details">
      <h2 id="lot-details-title">{t('lots.details')}</h2>
      <div className="lot-headline">
        <span className={`badge lot-state lot-state-${lot.state}`} data-testid="lot-state">
          {words.state(lot.state)}
        </span>
        <span className="lot-balance" data-testid="lot-balance">
          {t('lots.balanceOf', { balance: formatMassKg(lot.balanceG), mass: formatMassKg(lot.massG) })}
        </span>
      </div>
      <dl className="facts lot-facts">
        <dt>{t('lots.what')}</dt>
        <dd data-testid="lot-material">{words.material(lot)}</dd>
        <dt>{t('lots.mass')}</dt>
        <dd>{formatMassKg(lot.massG)}</dd>
        <dt>{t('lots.holder')}</dt>
        <dd>{where}</dd>
        <dt>{t('lots.origin')}</dt>
        <dd>
          {siteLabel(lot.originSite)} · {format.dateTime(lot.createdAt)}
        </dd>
        {lot.sourceClass && (
          <>
            <dt>{t('lots.sourceClass')}</dt>
            <dd>{words.sourceClass(lot.sourceClass)}</dd>
          </>
        )}
        {lot.hazardousWasteCode && (
          <>
            <dt>{t('lots.hazardous')}</dt>
            <dd>{lot.hazardousWasteCode}</dd>
          </>
        )}
        <dt>{t('lots.recycled')}</dt>
        <dd>
          {t('lots.recycledValue', { pct: ppmAsPercent(lot.recycledPpm), post: ppmAsPercent(lot.postConsumerPpm) })}
        </dd>
        {lot.shippedTo && (
          <>
            <dt>{t('lots.state')}</dt>
            <dd>
              {t('lots.shippedTo', { buyer: siteLabel(lot.shippedTo.buyer), chain: words.chain(lot.shippedTo.chain) })}
            </dd>
          </>
        )}
        {lot.route && (
          <>
            <dt>{t('lots.state')}</dt>
            <dd>{t('lots.routedTo', { route: words.route(lot.route.route) })}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
