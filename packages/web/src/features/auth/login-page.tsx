import type { MeView } from '@alutrace/shared';
import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { readFlash } from '../../app/flash';
import { useDocumentTitle } from '../../app/use-document-title';
import { useSession } from '../../auth/use-session';
import { useSessionCache } from '../../auth/use-session-cache';
import { changePasswordPath, safeNextPath } from '../../lib/next-path';
import { LoginForm } from './login-form';

/** Where someone goes once signed in: on to `next`, or first to change a password someone else set. */
export function afterSignIn(me: MeView, next: string): string {
  return me.mustChangePassword ? changePasswordPath(next) : next;
}

/** `/login?next=/where/they/were/going`. Someone already signed in goes straight on. */
export function LoginPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const [params] = useSearchParams();
  const location = useLocation();
  const next = safeNextPath(params.get('next'));
  const session = useSession();
  const cache = useSessionCache();
  // Signing out, and a session that ended, come here first, and the person is forgotten once this page
  // shows: forgotten earlier, the page they were on would send them to sign in by itself, losing the message.
  const flash = readFlash(location.state);
  const leaving = flash === 'signedOut' || flash === 'sessionEnded';
  const [arrivedLeaving] = useState(leaving);
  useEffect(() => {
    if (arrivedLeaving) cache.signedOut();
  }, [arrivedLeaving, cache]);
  if (session.status === 'signed-in' && !leaving) return <Navigate to={afterSignIn(session.me, next)} replace />;
  return (
    <section className="page page-narrow login-page">
      <h1>{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      <div className="card">
        <LoginForm next={next} />
      </div>
      <p className="hint">{t('login.lostPassword')}</p>
    </section>
  );
}
