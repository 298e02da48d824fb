import { formatMassKg } from '@alutrace/shared';
import type { ReactElement, ReactNode } from 'react';
import { Field } from '../../components/field';
import { commonEn, commonZh } from './common-words';
import { groupedGrams, readMass } from './mass-text';
import { useLang, useWords } from './use-words';

interface MassFieldProps {
  label: ReactNode;
  value: string;
  onChange: (text: string) => void;
  hint?: ReactNode;
  /** Problems from the server or the form, shown with the parser's. */
  errors?: string[] | undefined;
  testId?: string;
}

/** A mass in kg, with the exact integer grams it means shown underneath. */
export function MassField({ label, value, onChange, hint, errors, testId }: MassFieldProps): ReactElement {
  const w = useWords(commonZh, commonEn);
  const lang = useLang();
  const reading = readMass(value);
  const problems = [...(reading.kind === 'bad' ? [reading.problem[lang]] : []), ...(errors ?? [])];
  return (
    <Field label={label} hint={hint} errors={problems.length ? problems : undefined}>
      {(control) => (
        <div className="lc-mass-input">
          <input
            {...control}
            className="input"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            data-testid={testId}
            onChange={(event) => onChange(event.target.value)}
          />
          <span className="lc-mass-grams" data-testid={testId ? `${testId}-grams` : undefined}>
            {reading.kind === 'ok' ? w.massGrams(groupedGrams(reading.grams)) : '\u00a0'}
          </span>
        </div>
      )}
    </Field>
  );
}

/** A mass to read: "985.5 kg" with "985,500 g" beneath. */
export function MassFigure({ grams, testId }: { grams: number; testId?: string }): ReactElement {
  const w = useWords(commonZh, commonEn);
  return (
    <span className="lc-mass-figure" data-testid={testId}>
      <span className="lc-mass-kg">{formatMassKg(grams)}</span>
      <span className="lc-mass-grams">{w.massGrams(groupedGrams(grams))}</span>
    </span>
  );
}
