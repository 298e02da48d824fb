import './scanner.css';
import { parseLabel } from '@alutrace/shared';
import { type ReactElement, useCallback, useRef, useState } from 'react';
import { ManualEntry } from './manual-entry';
import { signalScan } from './scan-feedback';
import { ScanResult } from './scan-result';
import { isRepeat, type ScannedLabel, type ScanReport, type ScanVerdict } from './scan-session';
import { type ScannerWords, useScannerWords } from './scanner-words';
import { type CameraStatus, useScanner } from './use-scanner';

export type { ScannedLabel, ScanVerdict } from './scan-session';

export interface ScannerProps {
  /**
   * Keeps scanning after each label, for loading a truck: every new lot is
   * reported once, repeats are ignored. Otherwise the camera stops at the
   * first label accepted.
   */
  continuous?: boolean;
  /**
   * Each new label, camera or typed; the answer (at once or when the screen has
   * looked the lot up) is shown on the spot. The digest is for the screen to
   * check against the lot's own (checkLabelDigest): it knows the lot.
   */
  onScanned(label: ScannedLabel): ScanVerdict | Promise<ScanVerdict>;
  /** The field for a label typed in (default shown); a screen with its own lot field can leave it out. */
  manualEntry?: boolean;
}

/** A QR scanner for lot labels: the rear camera, a torch where there is one, and a field for a damaged label. */
export function Scanner({ continuous = false, onScanned, manualEntry = true }: ScannerProps): ReactElement {
  const w = useScannerWords();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [done, setDone] = useState(false);
  const [reports, setReports] = useState<readonly ScanReport[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  // Read synchronously between frames, before React has rendered the last report.
  const reportsRef = useRef<readonly ScanReport[]>([]);
  const nextId = useRef(1);
  const strangeTexts = useRef(new Set<string>());
  const onScannedRef = useRef(onScanned);
  onScannedRef.current = onScanned;
  const wordsRef = useRef(w);
  wordsRef.current = w;

  const store = useCallback((next: readonly ScanReport[]): void => {
    reportsRef.current = next;
    setReports(next);
  }, []);

  const report = useCallback(
    (label: ScannedLabel): boolean => {
      if (isRepeat(reportsRef.current, label)) {
        if (label.source === 'manual') setNotice(wordsRef.current.alreadyScanned(label.lotId));
        return false;
      }
      const id = nextId.current++;
      store([{ id, label, verdict: null }, ...reportsRef.current]);
      setNotice(null);
      void Promise.resolve()
        .then(() => onScannedRef.current(label))
        .catch((error: unknown): ScanVerdict => ({ outcome: 'refused', reason: String(error) }))
        .then((verdict) => {
          store(reportsRef.current.map((r) => (r.id === id ? { ...r, verdict } : r)));
          signalScan(verdict.outcome);
          if (!continuous && verdict.outcome === 'accepted') setDone(true);
        });
      return true;
    },
    [continuous, store],
  );

  const onText = useCallback(
    (text: string): void => {
      const parsed = parseLabel(text);
      if (parsed.ok) {
        report({ lotId: parsed.lotId, digest: parsed.digest, text, source: 'camera' });
      } else if (!strangeTexts.current.has(text)) {
        strangeTexts.current.add(text);
        setNotice(wordsRef.current.qrNotALabel);
      }
    },
    [report],
  );

  const camera = useScanner(videoRef, !done, onText);
  const problem = problemText(camera.status, w);
  const notTaken = reports.filter((r) => r.verdict && r.verdict.outcome !== 'accepted');
  // In continuous mode the labels not taken stay listed under the camera, newest first; the line above shows any other last scan.
  const last = reports[0];
  const latestShown = last && !(continuous && notTaken.includes(last)) ? last : undefined;

  return (
    <div className="scanner" data-testid="scanner" data-camera={camera.status}>
      {!problem && !done && (
        <div className="scanner-view">
          <video ref={videoRef} className="scanner-video" muted playsInline aria-label={w.camera} />
          <div className="scanner-frame" aria-hidden="true" />
          {camera.torch.available && (
            <button
              type="button"
              className="button button-small scanner-torch"
              aria-pressed={camera.torch.on}
              onClick={camera.torch.toggle}
            >
              {camera.torch.on ? w.torchOff : w.torchOn}
            </button>
          )}
        </div>
      )}
      {problem ? (
        <div className="notice notice-error" role="alert" data-testid="scanner-problem">
          <p>{problem}</p>
          {camera.status !== 'unsupported' && camera.status !== 'no-camera' && (
            <button type="button" className="button" onClick={camera.retry}>
              {w.retry}
            </button>
          )}
        </div>
      ) : (
        <p className="scanner-status" role="status">
          {done ? w.done : camera.status === 'starting' ? w.starting : continuous ? w.scanning : w.scanningOnce}
        </p>
      )}
      {done && (
        <button type="button" className="button" onClick={() => setDone(false)}>
          {w.scanAgain}
        </button>
      )}
      <div aria-live="polite" data-testid="scanner-last">
        {notice && <p className="scan-result scan-result-notice">{notice}</p>}
        {!notice && latestShown && <ScanResult report={latestShown} />}
      </div>
      {continuous && notTaken.length > 0 && (
        <section className="scanner-not-taken" data-testid="scanner-not-taken">
          <h3>{w.notTaken}</h3>
          <ul className="plain-list">
            {notTaken.map((r) => (
              <li key={r.id}>
                <ScanResult report={r} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {manualEntry && <ManualEntry onLabel={report} />}
    </div>
  );
}

function problemText(status: CameraStatus, w: ScannerWords): string | null {
  switch (status) {
    case 'denied':
      return w.denied;
    case 'no-camera':
      return w.noCamera;
    case 'busy':
      return w.busy;
    case 'unsupported':
      return w.unsupported;
    case 'decoder-failed':
      return w.decoderFailed;
    default:
      return null;
  }
}
