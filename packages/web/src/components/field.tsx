import { type ReactElement, type ReactNode, useId } from 'react';

/** What a field's control needs to be tied to its label, hint and errors. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Problems with the value, shown under it and read out with it. */
  errors?: string[] | undefined;
  /** Renders the input, select… with the given props. */
  children: (control: ControlProps) => ReactNode;
}

/** A labelled form control with its hint and its errors. */
export function Field({ label, hint, errors, children }: FieldProps): ReactElement {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errorId ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': errorId ? true : undefined })}
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
