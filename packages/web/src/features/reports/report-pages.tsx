// The officials' pages in the route table (app/pages.tsx spreads them in).
// Each is its own lazy chunk, and so is ECharts: nobody who never opens one
// of them downloads either (vite.config.ts keeps echarts out of the vendor chunk).
import { type ComponentType, type LazyExoticComponent, lazy, type ReactElement, Suspense } from 'react';
import type { AppPage } from '../../app/pages';
import { LoadingNotice } from '../../components/loading-notice';

const DashboardPage = lazy(() => import('./dashboard-page').then((m) => ({ default: m.DashboardPage })));
const ReportPage = lazy(() => import('./report-page').then((m) => ({ default: m.ReportPage })));
const TargetsPage = lazy(() => import('./targets-page').then((m) => ({ default: m.TargetsPage })));
const TargetPage = lazy(() => import('./targets-page').then((m) => ({ default: m.TargetPage })));
const IncentivesPage = lazy(() => import('./incentives-page').then((m) => ({ default: m.IncentivesPage })));
const DraftStatementPage = lazy(() => import('./statement-page').then((m) => ({ default: m.DraftStatementPage })));
const IssuedStatementPage = lazy(() => import('./statement-page').then((m) => ({ default: m.IssuedStatementPage })));

function Lazy({ page: Page }: { page: LazyExoticComponent<ComponentType> }): ReactElement {
  return (
    <Suspense fallback={<LoadingNotice />}>
      <Page />
    </Suspense>
  );
}

export const REPORT_PAGES: AppPage[] = [
  // The dashboard is the overview of those who follow the plan's targets (officials and admins: targets:read);
  // operators, recyclers and utilisers read their own site's reports at /reports/view/{name} (reports:read, own sites).
  { path: '/reports', navLabel: 'reports', access: 'targets:read', element: <Lazy page={DashboardPage} /> },
  // Not /reports/{name}: the server answers there with the CSV and XLSX downloads (/reports/{name}.csv).
  { path: '/reports/view/:name', access: 'reports:read', element: <Lazy page={ReportPage} /> },
  { path: '/targets', access: 'targets:read', element: <Lazy page={TargetsPage} /> },
  { path: '/targets/:code', access: 'targets:read', element: <Lazy page={TargetPage} /> },
  { path: '/incentives', access: 'incentives:read', element: <Lazy page={IncentivesPage} /> },
  { path: '/incentives/draft', access: 'incentives:read', element: <Lazy page={DraftStatementPage} /> },
  {
    path: '/incentives/issued/:statementId',
    access: 'incentives:read',
    element: <Lazy page={IssuedStatementPage} />,
  },
];
