// The route table: every page of the app, in navigation order. Later pages
// (lots, reports, admin…) are added here and appear in the header by themselves.
import type { ReactElement } from 'react';
import { LedgerPage } from '../features/ledger/ledger-page';
import type { Messages } from '../i18n/zh-CN';

export interface AppPage {
  /** The page's own address; the navigation links to it. */
  path: string;
  /** Other addresses that show the same page. */
  aliases?: string[];
  /** Its label in the header's navigation (a key of `nav` in the language files); pages without one are reached by links. */
  navLabel?: Exclude<keyof Messages['nav'], 'label'>;
  element: ReactElement;
}

export const APP_PAGES: AppPage[] = [{ path: '/ledger', aliases: ['/'], navLabel: 'ledger', element: <LedgerPage /> }];
