// The officials' audit pages in the route table (app/pages.tsx spreads them in), each its own lazy chunk.
import { lazy, type ReactElement, Suspense } from 'react';
import type { AppPage } from '../../app/pages';
import { LoadingNotice } from '../../components/loading-notice';

const SamplePage = lazy(() => import('./sample-page').then((m) => ({ default: m.SamplePage })));

function LazySample(): ReactElement {
  return (
    <Suspense fallback={<LoadingNotice />}>
      <SamplePage />
    </Suspense>
  );
}

export const AUDIT_PAGES: AppPage[] = [{ path: '/audit/sample', access: 'audit:sample', element: <LazySample /> }];
