import { parseLabel } from '@alutrace/shared';
import { type ReactElement, useId, useState } from 'react';
import { Field } from '../../components/field';
import type { ScannedLabel } from './scan-session';
import { useScannerWords } from './scanner-words';

interface ManualEntryProps {
  /** Takes the typed label; false when it was not taken (already scanned), so the text stays in the field. */
  onLabel(label: ScannedLabel): boolean;
}

/**
 * For a label the camera cannot read: the lot id, the lot id and its digest,
 * or the label's URL, read by parseLabel. Not a <form>: the scanner may sit
 * inside a screen's form, and forms do not nest (Enter here submits only this).
 */
export function ManualEntry({ onLabel }: ManualEntryProps): ReactElement {
  const w = useScannerWords();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const submit = (): void => {
    const parsed = parseLabel(text);
    if (!parsed.ok) {
      setError(w.notALabel);
      return;
    }
    setError(null);
    if (onLabel({ lotId: parsed.lotId, digest: parsed.digest, text: text.trim(), source: 'manual' })) setText('');
  };
  return (
    <section className="scanner-manual" aria-labelledby={titleId}>
      <h3 id={titleId}>{w.manual}</h3>
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
              enterKeyHint="go"
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  submit();
                }
              }}
            />
            <button type="button" className="button" onClick={submit}>
              {w.manualSubmit}
            </button>
          </div>
        )}
      </Field>
    </section>
  );
}
