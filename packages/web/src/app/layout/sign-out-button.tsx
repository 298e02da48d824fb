import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LOGIN_PATH } from '../../lib/next-path';
import { useTRPCClient } from '../../lib/trpc';
import { FLASH } from '../flash';

export function SignOutButton(): ReactElement {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const signOut = async (): Promise<void> => {
    setPending(true);
    try {
      // Called directly rather than as a cached mutation: a session that already ended elsewhere
      // answers UNAUTHENTICATED, which here means the same as success, not "your session ended".
      await client.auth.logout.mutate();
    } catch {
      // Signed out already, or the server is unreachable: the cookie is HttpOnly, so only the
      // server can clear it; the page forgets the person either way.
    }
    // The sign-in page forgets the person once it shows (see LoginPage).
    await navigate(LOGIN_PATH, { state: FLASH.signedOut });
  };
  return (
    <button type="button" className="link-button" onClick={() => void signOut()} disabled={pending}>
      {pending ? t('account.signingOut') : t('account.signOut')}
    </button>
  );
}
