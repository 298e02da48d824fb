// The officials' witness and verification pages in the route table (app/pages.tsx spreads them in), each its own lazy chunk.
import { lazy, type ReactElement, Suspense } from 'react';
import type { AppPage } from '../../app/pages';
import { LoadingNotice } from '../../components/loading-notice';

const WitnessPage = lazy(() => import('./witness-page').then((m) => ({ default: m.WitnessPage })));
const VerificationPage = lazy(() =>
  import('../verification/verification-page').then((m) => ({ default: m.VerificationPage })),
);

function Lazy({ children }: { children: ReactElement }): ReactElement {
  return <Suspense fallback={<LoadingNotice />}>{children}</Suspense>;
}

export const WITNESS_PAGES: AppPage[] = [
  {
    path: '/witness',
    access: 'witness:cosign',
    element: (
      <Lazy>
        <WitnessPage />
      </Lazy>
    ),
  },
  {
    path: '/verification',
    access: 'ledger:verify',
    element: (
      <Lazy>
        <VerificationPage />
      </Lazy>
    ),
  },
];
