import type { ReactElement, ReactNode } from 'react';
import { Field } from '../../components/field';
import type { CollectionDraft, DraftField as DraftFieldName } from './collection-draft';

/** What every section of the collection form is given. */
export interface SectionProps {
  draft: CollectionDraft;
  set: (field: keyof CollectionDraft, value: string) => void;
  touch: (field: DraftFieldName) => void;
  errorsOf: (field: DraftFieldName) => string[];
}

type TextFieldName = Exclude<keyof CollectionDraft, 'sellerKind' | 'sourceClass'>;

interface DraftFieldProps extends SectionProps {
  field: TextFieldName;
  label: ReactNode;
  hint?: ReactNode;
  /** `input-code` (IDs, plates), `input-mass` (numbers on the numeric keyboard) or plain. */
  look?: 'code' | 'mass';
  testId?: string;
  placeholder?: string;
  maxLength?: number;
}

/** One text field of the draft: its label, hint and problems, its value kept in the draft, touched when left. */
export function DraftField({
  field,
  label,
  hint,
  look,
  testId,
  placeholder,
  maxLength,
  draft,
  set,
  touch,
  errorsOf,
}: DraftFieldProps): ReactElement {
  return (
    <Field label={label} hint={hint} errors={errorsOf(field)}>
      {(control) => (
        <input
          {...control}
          className={look ? `input input-${look}` : 'input'}
          autoComplete="off"
          {...(look === 'mass' ? { inputMode: 'decimal' as const } : {})}
          {...(look === 'code' ? { spellCheck: false } : {})}
          {...(maxLength ? { maxLength } : {})}
          placeholder={placeholder}
          data-testid={testId}
          value={draft[field]}
          onChange={(event) => set(field, event.target.value)}
          onBlur={() => touch(field)}
        />
      )}
    </Field>
  );
}
