// The anomaly page in the route table (app/pages.tsx spreads it in), as its
// own lazy chunk: only officials and administrators ever download it.
import { lazy, type ReactElement, Suspense } from 'react';
import type { AppPage } from '../../app/pages';
import { LoadingNotice } from '../../components/loading-notice';

const AnomaliesPage = lazy(() => import('./anomalies-page').then((m) => ({ default: m.AnomaliesPage })));

function LazyAnomaliesPage(): ReactElement {
  return (
    <Suspense fallback={<LoadingNotice />}>
      <AnomaliesPage />
    </Suspense>
  );
}

export const ANOMALY_PAGES: AppPage[] = [
  // The officials' list; administrators see only its thresholds there.
  { path: '/anomalies', access: 'anomalies:configure', element: <LazyAnomaliesPage /> },
];
