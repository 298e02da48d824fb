import { parseLabel } from '@alutrace/shared';
import { type FormEvent, type ReactElement, useState } from 'react';
import { Field } from '../../components/field';
import type { ScannedLabel } from './scan-session';
import { useScannerWords } from './scanner-words';

interface ManualEntryProps {
  /** Takes the typed label; false when it was not taken (already scanned), so the text stays in the field. */
  onLabel(label: ScannedLabel): boolean;
}

/** For a label the camera cannot read: the lot id, the lot id and its digest, or the label's URL, read by parseLabel. */
export function ManualEntry({ onLabel }: ManualEntryProps): ReactElement {
  const w = useScannerWords();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = parseLabel(text);
    if (!parsed.ok) {
      setError(w.notALabel);
      return;
    }
    setError(null);
    if (onLabel({ lotId: parsed.lotId, digest: parsed.digest, text: text.trim(), source: 'manual' })) setText('');
  };
  return (
    <form className="scanner-manual" onSubmit={submit} noValidate>
      <h3>{w.manual}</h3>
      <Field label={w.manualLabel} hint={w.manualHint} errors={error ? [error] : undefined}>
        {(control) => (
          <div className="scanner-manual-row">
            <input
              {...control}
              type="text"
              inputMode="text"
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button">
              {w.manualSubmit}
            </button>
          </div>
        )}
      </Field>
    </form>
  );
}
