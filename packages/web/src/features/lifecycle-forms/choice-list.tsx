import type { ReactElement } from 'react';

/** One of a few options as radio buttons, large enough to tap on a phone. */
export function ChoiceList({
  legend,
  name,
  value,
  onChange,
  options,
  errors,
  testId,
}: {
  legend: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  errors?: string[] | undefined;
  testId?: string;
}): ReactElement {
  return (
    <fieldset className={errors?.length ? 'field field-invalid' : 'field'} data-testid={testId}>
      <legend>{legend}</legend>
      <div className="choice-list">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p className="field-error" role="alert">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
