import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import type { CollectionDraft, DraftField } from './collection-draft';

interface SellerFieldsProps {
  draft: CollectionDraft;
  set: (field: keyof CollectionDraft, value: string) => void;
  touch: (field: DraftField) => void;
  errorsOf: (field: DraftField) => string[];
  /** The ID number or code checks out (shown under it as it is typed). */
  idOk: boolean;
}

/** Who sold the scrap: an individual with a resident ID number, or an enterprise with its credit code and handling person. */
export function SellerFields({ draft, set, touch, errorsOf, idOk }: SellerFieldsProps): ReactElement {
  const { t } = useTranslation();
  const individual = draft.sellerKind === 'individual';
  return (
    <fieldset className="collect-section" data-testid="seller-fields">
      <legend>{t('collect.seller')}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('collect.seller')}>
        {(['individual', 'enterprise'] as const).map((kind) => (
          <label key={kind} className={draft.sellerKind === kind ? 'segment segment-chosen' : 'segment'}>
            <input
              type="radio"
              name="seller-kind"
              value={kind}
              checked={draft.sellerKind === kind}
              onChange={() => set('sellerKind', kind)}
            />
            {kind === 'individual' ? t('collect.sellerIndividual') : t('collect.sellerEnterprise')}
          </label>
        ))}
      </div>
      <Field label={individual ? t('collect.name') : t('collect.enterpriseName')} errors={errorsOf('sellerName')}>
        {(control) => (
          <input
            {...control}
            className="input"
            autoComplete="off"
            value={draft.sellerName}
            onChange={(event) => set('sellerName', event.target.value)}
            onBlur={() => touch('sellerName')}
          />
        )}
      </Field>
      {individual ? (
        <Field
          label={t('collect.residentId')}
          hint={idOk ? <span className="id-ok">✓ {t('collect.residentIdOk')}</span> : undefined}
          errors={errorsOf('residentId')}
        >
          {(control) => (
            <input
              {...control}
              className="input input-code"
              autoComplete="off"
              spellCheck={false}
              maxLength={22}
              data-testid="resident-id"
              value={draft.residentId}
              onChange={(event) => set('residentId', event.target.value)}
              onBlur={() => touch('residentId')}
            />
          )}
        </Field>
      ) : (
        <>
          <Field
            label={t('collect.creditCode')}
            hint={idOk ? <span className="id-ok">✓ {t('collect.creditCodeOk')}</span> : undefined}
            errors={errorsOf('creditCode')}
          >
            {(control) => (
              <input
                {...control}
                className="input input-code"
                autoComplete="off"
                spellCheck={false}
                maxLength={22}
                data-testid="credit-code"
                value={draft.creditCode}
                onChange={(event) => set('creditCode', event.target.value)}
                onBlur={() => touch('creditCode')}
              />
            )}
          </Field>
          <Field label={t('collect.handlingPerson')} errors={errorsOf('handlingPerson')}>
            {(control) => (
              <input
                {...control}
                className="input"
                autoComplete="off"
                value={draft.handlingPerson}
                onChange={(event) => set('handlingPerson', event.target.value)}
                onBlur={() => touch('handlingPerson')}
              />
            )}
          </Field>
        </>
      )}
      <Field label={t('collect.address')} errors={errorsOf('address')}>
        {(control) => (
          <input
            {...control}
            className="input"
            autoComplete="off"
            value={draft.address}
            onChange={(event) => set('address', event.target.value)}
          />
        )}
      </Field>
    </fieldset>
  );
}
