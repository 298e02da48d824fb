// What screens import: the scanner's code (camera, decoder, its words) is
// fetched when a screen first shows it, so the app's main bundle does not
// carry it for the many screens that never scan.
import { lazy, type ReactElement, Suspense } from 'react';
import { LoadingNotice } from '../../components/loading-notice';
import type { ScannerProps } from './scanner';

export type { ScannedLabel, ScanVerdict } from './scan-session';
export type { ScannerProps } from './scanner';

const Scanner = lazy(() => import('./scanner').then((m) => ({ default: m.Scanner })));

export function LazyScanner(props: ScannerProps): ReactElement {
  return (
    <Suspense fallback={<LoadingNotice />}>
      <Scanner {...props} />
    </Suspense>
  );
}
