import './account.css';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../app/use-document-title';
import { useMe } from '../../auth/use-session';
import { AccountFacts } from './account-facts';
import { PasswordCard } from './password-card';
import { SessionsCard } from './sessions-card';

/** `/account`: who I am, my password, and where I am signed in. */
export function AccountPage(): ReactElement | null {
  const { t } = useTranslation();
  useDocumentTitle(t('accountPage.title'));
  const me = useMe();
  if (!me) return null;
  return (
    <div className="page">
      <h1>{t('accountPage.title')}</h1>
      <div className="account-grid">
        <AccountFacts me={me} />
        <PasswordCard />
        <SessionsCard />
      </div>
    </div>
  );
}
