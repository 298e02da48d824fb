import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { loginPath } from '../lib/next-path';

/** In place of what only signed-in people may see: why, and a way to sign in that comes back here. */
export function SignInPrompt({ message }: { message: string }): ReactElement {
  const { t } = useTranslation();
  const { pathname, search, hash } = useLocation();
  return (
    <div className="sign-in-prompt" data-testid="sign-in-prompt">
      <p>{message}</p>
      <Link to={loginPath(`${pathname}${search}${hash}`)} className="button button-primary">
        {t('account.signIn')}
      </Link>
    </div>
  );
}
