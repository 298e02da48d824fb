import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DraftField, type SectionProps } from './draft-field';

/** The sealed details of the sale besides the seller: plate, weighbridge ticket and price. */
export function SaleFields(section: SectionProps): ReactElement {
  const { t } = useTranslation();
  return (
    <fieldset className="collect-section">
      <legend>{t('collect.more')}</legend>
      <DraftField field="plate" label={t('collect.plate')} look="code" {...section} />
      <DraftField field="ticket" label={t('collect.ticket')} {...section} />
      <DraftField
        field="price"
        label={t('collect.price')}
        hint={t('collect.priceHint')}
        look="mass"
        testId="collect-price"
        {...section}
      />
    </fieldset>
  );
}
