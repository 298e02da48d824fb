import { formatMassKg } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import type { CollectionDraft, DraftField } from './collection-draft';

export const WEIGHT_FIELDS = ['gross', 'tare', 'deduction'] as const;

interface SectionProps {
  draft: CollectionDraft;
  set: (field: keyof CollectionDraft, value: string) => void;
  touch: (field: DraftField) => void;
  errorsOf: (field: DraftField) => string[];
}

/** Gross, tare and deduction in kg on the numeric keyboard, and the net worked out from them as they are typed. */
export function WeightFields({
  draft,
  set,
  touch,
  errorsOf,
  net,
}: SectionProps & { net: number | null }): ReactElement {
  const { t } = useTranslation();
  return (
    <fieldset className="collect-section">
      <legend>{t('collect.weights')}</legend>
      <div className="weights">
        {WEIGHT_FIELDS.map((field) => (
          <Field
            key={field}
            label={t(`collect.${field}`)}
            hint={field === 'deduction' ? t('collect.deductionHint') : undefined}
            errors={errorsOf(field)}
          >
            {(control) => (
              <input
                {...control}
                className="input input-mass"
                inputMode="decimal"
                autoComplete="off"
                placeholder={field === 'gross' ? t('collect.massHint') : '0'}
                data-testid={`collect-${field}`}
                value={draft[field]}
                onChange={(event) => set(field, event.target.value)}
                onBlur={() => touch(field)}
              />
            )}
          </Field>
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
