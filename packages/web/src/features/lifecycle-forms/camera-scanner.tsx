// The camera as another source for the lot field (features/scanner), opened
// on demand: the browser asks for the camera only when someone wants it.
import { lazy, type ReactElement, Suspense, useState } from 'react';
import { LoadingNotice } from '../../components/loading-notice';
import type { ScanVerdict } from '../scanner/scan-session';
import { useWords } from './use-words';

// Its own chunk: the camera, decoder and their words load when first opened.
const Scanner = lazy(() => import('../scanner/scanner').then((m) => ({ default: m.Scanner })));

const zh = { open: '用摄像头扫码', close: '关闭摄像头' };
const en = { open: 'Scan with the camera', close: 'Close the camera' };

export function CameraScanner({
  continuous = false,
  onScanned,
}: {
  continuous?: boolean;
  onScanned: (text: string) => Promise<ScanVerdict>;
}): ReactElement {
  const w = useWords(zh, en);
  const [open, setOpen] = useState(false);
  return (
    // Not inside a <form>: the scanner has its own small form for a label typed by hand.
    <div className="lc-camera">
      <button
        type="button"
        className="button button-small"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="camera-toggle"
      >
        {open ? w.close : w.open}
      </button>
      {open && (
        <Suspense fallback={<LoadingNotice />}>
          <Scanner continuous={continuous} onScanned={(label) => onScanned(label.text)} />
        </Suspense>
      )}
    </div>
  );
}
