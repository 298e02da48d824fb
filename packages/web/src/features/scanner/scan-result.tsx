import type { ReactElement } from 'react';
import type { ScanReport } from './scan-session';
import { useScannerWords } from './scanner-words';

const BADGE = { accepted: 'badge badge-ok', warning: 'badge badge-warn', refused: 'badge scan-badge-refused' } as const;

/** One scan as the screen answered it: the lot, taken or not, and why. */
export function ScanResult({ report }: { report: ScanReport }): ReactElement {
  const w = useScannerWords();
  const { label, verdict } = report;
  if (!verdict) {
    return (
      <p className="scan-result scan-result-pending" data-outcome="pending">
        {w.checking(label.lotId)}
      </p>
    );
  }
  const detail = verdict.outcome === 'accepted' ? verdict.note : verdict.reason;
  return (
    <p className={`scan-result scan-result-${verdict.outcome}`} data-outcome={verdict.outcome}>
      <span className={BADGE[verdict.outcome]}>{w[verdict.outcome]}</span> <code>{label.lotId}</code>
      {detail && <span className="scan-result-detail"> {detail}</span>}
    </p>
  );
}
