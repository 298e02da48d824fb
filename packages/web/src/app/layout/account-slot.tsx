import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../auth/use-session';
import { LOGIN_PATH, loginPath } from '../../lib/next-path';
import { AccountMenu } from './account-menu';

/** The header's right-hand side: who is signed in (with their menu), or a way to sign in. */
export function AccountSlot(): ReactElement {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname, search, hash } = useLocation();
  return (
    <div className="account-slot" data-testid="account-slot">
      {session.status === 'signed-in' && <AccountMenu me={session.me} />}
      {session.status === 'signed-out' && pathname !== LOGIN_PATH && (
        <Link to={loginPath(`${pathname}${search}${hash}`)} className="header-link">
          {t('account.signIn')}
        </Link>
      )}
    </div>
  );
}
