import { type ReactElement, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/** What a field's control needs to be tied to its label, hint and errors. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  /** Set when the field has a `limit`: the browser then stops typing at it. */
  maxLength?: number;
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Problems with the value, shown under it and read out with it. */
  errors?: string[] | undefined;
  /**
   * The server's length limit (packages/web/src/lib/input-limits.ts) and the
   * value's length: the control stops at it, and a counter shows near it.
   */
  limit?: { max: number; length: number } | undefined;
  /** Renders the input, select… with the given props. */
  children: (control: ControlProps) => ReactNode;
}

/** A counter from 80 % of the limit on: earlier it is noise, later a surprise. */
const COUNTER_FROM = 0.8;

/** A labelled form control with its hint, its errors and, near its length limit, a counter. */
export function Field({ label, hint, errors, limit, children }: FieldProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const showCounter = limit !== undefined && limit.length >= limit.max * COUNTER_FROM;
  const counterId = showCounter ? `${id}-counter` : undefined;
  const describedBy = [hintId, errorId, counterId].filter(Boolean).join(' ') || undefined;
  const control: ControlProps = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': errorId ? true : undefined,
    ...(limit ? { maxLength: limit.max } : {}),
  };
  return (
    <div className={errorId ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {showCounter && (
        <p
          className={limit.length >= limit.max ? 'field-counter field-counter-full' : 'field-counter'}
          id={counterId}
          aria-live="polite"
          data-testid="field-counter"
        >
          {limit.length >= limit.max
            ? t('form.counterFull', { max: limit.max })
            : t('form.counter', { length: limit.length, max: limit.max })}
        </p>
      )}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {errorId && (
        <p className="field-error" id={errorId}>
          {errors?.join(' ')}
        </p>
      )}
    </div>
  );
}
