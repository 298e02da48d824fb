// The route table: every page of the app, in navigation order, with who may
// open it. Pages with a navLabel appear in the header for those who may open them.
import type { ReactElement } from 'react';
import { Navigate } from 'react-router';
import { AccountPage } from '../features/account/account-page';
import { ChangePasswordPage } from '../features/account/change-password-page';
import { SitesPage } from '../features/admin/sites/sites-page';
import { TokensPage } from '../features/admin/tokens/tokens-page';
import { UsersPage } from '../features/admin/users/users-page';
import { ANOMALY_PAGES } from '../features/anomalies/anomaly-pages';
import { AUDIT_PAGES } from '../features/audit-sample/audit-pages';
import { LoginPage } from '../features/auth/login-page';
import { CollectPage } from '../features/collect/collect-page';
import { HomePage } from '../features/home/home-page';
import { LedgerPage } from '../features/ledger/ledger-page';
import { LIFECYCLE_PAGES } from '../features/lifecycle-forms/lifecycle-pages';
import { LotPage } from '../features/lots/lot-page';
import { LotsPage } from '../features/lots/lots-page';
import { REPORT_PAGES } from '../features/reports/report-pages';
import { ScanPage } from '../features/scanner/scan-page';
import { WITNESS_PAGES } from '../features/witness/witness-pages';
import type { Messages } from '../i18n/zh-CN';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from '../lib/next-path';
import type { GuardedPage } from './page-access';

export interface AppPage extends GuardedPage {
  /** The page's own address; the navigation links to it. */
  path: string;
  /** Other addresses that show the same page. */
  aliases?: string[];
  /** Its label in the header's navigation (a key of `nav` in the language files); pages without one are reached by links. */
  navLabel?: Exclude<keyof Messages['nav'], 'label'>;
  element: ReactElement;
}

export const APP_PAGES: AppPage[] = [
  { path: '/home', navLabel: 'home', access: 'signed-in', element: <HomePage /> },
  { path: '/collect', navLabel: 'collect', access: 'collections:record', element: <CollectPage /> },
  { path: '/lots', navLabel: 'lots', access: 'lots:read', element: <LotsPage /> },
  { path: '/lots/:lotId', access: 'lots:read', element: <LotPage /> },
  { path: '/ledger', aliases: ['/'], navLabel: 'ledger', element: <LedgerPage /> },
  {
    path: '/admin',
    navLabel: 'admin',
    access: 'users:manage',
    element: <Navigate to="/admin/users" replace />,
  },
  { path: '/admin/users', access: 'users:manage', element: <UsersPage /> },
  { path: '/admin/tokens', access: 'tokens:manage', element: <TokensPage /> },
  { path: '/admin/sites', access: 'sites:manage', element: <SitesPage /> },
  { path: '/account', access: 'signed-in', element: <AccountPage /> },
  ...ANOMALY_PAGES,
  ...LIFECYCLE_PAGES,
  ...REPORT_PAGES,
  ...AUDIT_PAGES,
  ...WITNESS_PAGES,
  // The scanner on its own, until the dispatch screen takes it.
  { path: '/scan', access: 'signed-in', element: <ScanPage /> },
  { path: CHANGE_PASSWORD_PATH, access: 'signed-in', beforePasswordChange: true, element: <ChangePasswordPage /> },
  { path: LOGIN_PATH, beforePasswordChange: true, element: <LoginPage /> },
];
