import './layout.css';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useSessionWatch } from '../../auth/use-session-watch';
import { FlashNotice } from '../flash-notice';
import { DemoBanner } from './demo-banner';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

export function AppLayout(): ReactElement {
  const { t } = useTranslation();
  useSessionWatch();
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <DemoBanner />
      <SiteHeader />
      <main id="main" className="main">
        <FlashNotice />
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}
