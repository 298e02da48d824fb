import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import type { CollectionDraft, DraftField } from './collection-draft';

interface SectionProps {
  draft: CollectionDraft;
  set: (field: keyof CollectionDraft, value: string) => void;
  touch: (field: DraftField) => void;
  errorsOf: (field: DraftField) => string[];
}

/** The sealed details of the sale besides the seller: plate, weighbridge ticket and price. */
export function SaleFields({ draft, set, touch, errorsOf }: SectionProps): ReactElement {
  const { t } = useTranslation();
  return (
    <fieldset className="collect-section">
      <legend>{t('collect.more')}</legend>
      <Field label={t('collect.plate')} errors={errorsOf('plate')}>
        {(control) => (
          <input
            {...control}
            className="input input-code"
            autoComplete="off"
            value={draft.plate}
            onChange={(event) => set('plate', event.target.value)}
          />
        )}
      </Field>
      <Field label={t('collect.ticket')} errors={errorsOf('ticket')}>
        {(control) => (
          <input
            {...control}
            className="input"
            autoComplete="off"
            value={draft.ticket}
            onChange={(event) => set('ticket', event.target.value)}
          />
        )}
      </Field>
      <Field label={t('collect.price')} hint={t('collect.priceHint')} errors={errorsOf('price')}>
        {(control) => (
          <input
            {...control}
            className="input input-mass"
            inputMode="decimal"
            autoComplete="off"
            data-testid="collect-price"
            value={draft.price}
            onChange={(event) => set('price', event.target.value)}
            onBlur={() => touch('price')}
          />
        )}
      </Field>
    </fieldset>
  );
}
