import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccountSlot } from './account-slot';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';

export function SiteHeader(): ReactElement {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        <img src="/favicon.svg" alt="" className="brand-mark" width="28" height="28" />
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </Link>
      <MainNav />
      <div className="header-end">
        <AccountSlot />
        <LanguageSwitch />
      </div>
    </header>
  );
}
