import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DraftField, type SectionProps } from './draft-field';

interface SellerFieldsProps extends SectionProps {
  /** The ID number or code checks out (shown under it as it is typed). */
  idOk: boolean;
}

/** Who sold the scrap: an individual with a resident ID number, or an enterprise with its credit code and handling person. */
export function SellerFields({ idOk, ...section }: SellerFieldsProps): ReactElement {
  const { draft, set } = section;
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
      <DraftField
        field="sellerName"
        label={individual ? t('collect.name') : t('collect.enterpriseName')}
        {...section}
      />
      {individual ? (
        <DraftField
          field="residentId"
          label={t('collect.residentId')}
          hint={idOk ? <span className="id-ok">✓ {t('collect.residentIdOk')}</span> : undefined}
          look="code"
          maxLength={22}
          testId="resident-id"
          {...section}
        />
      ) : (
        <>
          <DraftField
            field="creditCode"
            label={t('collect.creditCode')}
            hint={idOk ? <span className="id-ok">✓ {t('collect.creditCodeOk')}</span> : undefined}
            look="code"
            maxLength={22}
            testId="credit-code"
            {...section}
          />
          <DraftField field="handlingPerson" label={t('collect.handlingPerson')} {...section} />
        </>
      )}
      <DraftField field="address" label={t('collect.address')} {...section} />
    </fieldset>
  );
}
