import { formatMassKg } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DraftField, type SectionProps } from './draft-field';

export const WEIGHT_FIELDS = ['gross', 'tare', 'deduction'] as const;

/** Gross, tare and deduction in kg on the numeric keyboard, and the net worked out from them as they are typed. */
export function WeightFields({ net, ...section }: SectionProps & { net: number | null }): ReactElement {
  const { errorsOf } = section;
  const { t } = useTranslation();
  return (
    <fieldset className="collect-section">
      <legend>{t('collect.weights')}</legend>
      <div className="weights">
        {WEIGHT_FIELDS.map((field) => (
          <DraftField
            key={field}
            field={field}
            label={t(`collect.${field}`)}
            hint={field === 'deduction' ? t('collect.deductionHint') : undefined}
            look="mass"
            placeholder={field === 'gross' ? t('collect.massHint') : '0'}
            testId={`collect-${field}`}
            {...section}
          />
        ))}
      </div>
      <div className={errorsOf('net').length ? 'net-box net-box-bad' : 'net-box'} aria-live="polite">
        <span className="net-label">{t('collect.net')}</span>
        {net === null ? (
          <span className="net-pending" data-testid="collect-net">
            {t('collect.netPending')}
          </span>
        ) : (
          <output className="net-value" data-testid="collect-net">
            {formatMassKg(net)}
          </output>
        )}
        {errorsOf('net').length > 0 && <p className="field-error">{errorsOf('net').join(' ')}</p>}
      </div>
    </fieldset>
  );
}
