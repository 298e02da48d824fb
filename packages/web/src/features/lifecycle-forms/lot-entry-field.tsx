// The lot field of every lifecycle screen: a typed lot id, a pasted label
// URL, or what a camera scanner read — all go through onScanned, whose
// verdict the scanner shows on the spot.
// A label's check code is compared with the lot's own (DOMAIN.md "Lots and
// labels"): a mismatch is refused with a warning, never silently accepted.
import { checkLabelDigest, type DigestCheck, formatMassKg, type LotView, parseLabel } from '@alutrace/shared';
import { type ReactElement, type ReactNode, useId, useRef, useState } from 'react';
import { useTRPCClient } from '../../lib/trpc';
import { useReportMismatch } from '../scanner/report-mismatch';
import type { ScanVerdict } from '../scanner/scan-session';
import { commonEn, commonZh } from './common-words';
import { LotFacts } from './lot-facts';
import { useDescribeProblem } from './server-problem';
import { useWords } from './use-words';

export interface LotEntryFieldProps {
  label?: ReactNode;
  hint?: ReactNode;
  /** Whether this lot may be taken here: null to accept it, or the reason it is refused. */
  check?: (lot: LotView) => string | null;
  /** A lot that passed: its label check (absent when typed without the code). */
  onLot: (lot: LotView, digest: DigestCheck) => void;
  /** Clear the field after each accepted lot (a truckload); otherwise the lot stays shown. */
  continuous?: boolean;
  /** Another input source under the field (a camera scanner): it passes each text it read to onScanned and shows the verdict. */
  renderScanner?: (onScanned: (text: string) => Promise<ScanVerdict>) => ReactNode;
  /** Problems from the server about the lot chosen here. */
  errors?: string[] | undefined;
  testId?: string;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'looking' }
  // What was refused is kept rather than its words, so that they follow a change of language.
  | { kind: 'not-a-label' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'forged'; lotId: string }
  | { kind: 'refused'; lot: LotView }
  | { kind: 'accepted'; lot: LotView; digest: DigestCheck };

export function LotEntryField({
  label,
  hint,
  check,
  onLot,
  continuous = false,
  renderScanner,
  errors,
  testId = 'lot-entry',
}: LotEntryFieldProps): ReactElement {
  const w = useWords(commonZh, commonEn);
  const client = useTRPCClient();
  const describe = useDescribeProblem(w.unreachable);
  const id = useId();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const asked = useRef(0);
  const reportMismatch = useReportMismatch();

  const onScanned = async (raw: string, source: 'camera' | 'manual' = 'manual'): Promise<ScanVerdict> => {
    if (raw.trim() === '') return { outcome: 'refused', reason: w.lotNotALabel };
    const label = parseLabel(raw);
    if (!label.ok) {
      setStatus({ kind: 'not-a-label' });
      return { outcome: 'refused', reason: w.lotNotALabel };
    }
    const ask = ++asked.current;
    // Each lot read is decided on its own (a camera reads the next label before this answer
    // comes); only the newest one's outcome is shown in the field.
    const show = (next: Status): void => {
      if (ask === asked.current) setStatus(next);
    };
    show({ kind: 'looking' });
    let lot: LotView;
    try {
      lot = await client.lots.get.query({ lotId: label.lotId });
    } catch (error) {
      show({ kind: 'failed', error });
      return { outcome: 'refused', reason: describe(error)?.message ?? w.unreachable };
    }
    const digest = checkLabelDigest(label.digest, lot.labelDigest);
    if (digest === 'mismatch') {
      reportMismatch({ lotId: lot.lotId, digest: label.digest ?? '', source });
      show({ kind: 'forged', lotId: lot.lotId });
      return { outcome: 'warning', reason: w.lotDigestMismatch(lot.lotId) };
    }
    const refused = check?.(lot);
    if (refused) {
      show({ kind: 'refused', lot });
      return { outcome: 'refused', reason: refused };
    }
    onLot(lot, digest);
    show({ kind: 'accepted', lot, digest });
    if (continuous && ask === asked.current) setText('');
    return { outcome: 'accepted', note: formatMassKg(lot.balanceG) };
  };

  const refusal =
    status.kind === 'not-a-label'
      ? w.lotNotALabel
      : status.kind === 'failed'
        ? (describe(status.error)?.message ?? w.unreachable)
        : status.kind === 'refused'
          ? check?.(status.lot)
          : null;
  const problems = [...(refusal ? [refusal] : []), ...(errors ?? [])];
  return (
    <div className={problems.length || status.kind === 'forged' ? 'field field-invalid' : 'field'} data-testid={testId}>
      <label htmlFor={id}>{label ?? w.lot}</label>
      <div className="lc-lot-entry-row">
        <input
          id={id}
          className="input input-code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          value={text}
          aria-describedby={`${id}-hint ${id}-status`}
          aria-invalid={problems.length ? true : undefined}
          data-testid={`${testId}-input`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void onScanned(text);
            }
          }}
          onPaste={(event) => {
            const pasted = event.clipboardData.getData('text');
            if (pasted.trim()) {
              event.preventDefault();
              setText(pasted.trim());
              void onScanned(pasted);
            }
          }}
        />
        <button type="button" className="button" onClick={() => void onScanned(text)} data-testid={`${testId}-add`}>
          {w.lotAdd}
        </button>
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        {hint ?? w.lotHint}
      </p>
      {renderScanner?.((scanned) => {
        setText(scanned.trim());
        return onScanned(scanned, 'camera');
      })}
      <div id={`${id}-status`} aria-live="polite">
        {status.kind === 'looking' && <p className="field-hint">{w.lotLooking}</p>}
        {status.kind === 'forged' && (
          <p className="notice lc-notice-warn" role="alert" data-testid={`${testId}-forged`}>
            {w.lotDigestMismatch(status.lotId)}
          </p>
        )}
        {problems.length > 0 && (
          <p className="field-error" role="alert" data-testid={`${testId}-error`}>
            {problems.join(' ')}
          </p>
        )}
        {status.kind === 'accepted' && !continuous && (
          <>
            <LotFacts lot={status.lot} />
            <p className="field-hint" data-testid={`${testId}-digest`}>
              {status.digest === 'match' ? w.lotDigestMatch : w.lotDigestAbsent}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
