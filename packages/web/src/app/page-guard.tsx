import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { signedInMarker } from '../auth/signed-in-marker';
import { useSession } from '../auth/use-session';
import { ErrorNotice } from '../components/error-notice';
import { LoadingNotice } from '../components/loading-notice';
import { changePasswordPath, loginPath } from '../lib/next-path';
import { FLASH } from './flash';
import { ForbiddenPage } from './forbidden-page';
import { decidePage, type GuardedPage } from './page-access';

/**
 * Shows a page to whoever may see it. Others are sent to sign in (and
 * brought back), told they are not allowed, or first asked to change a
 * password someone else set.
 */
export function PageGuard({ page, children }: { page: GuardedPage; children: ReactNode }): ReactNode {
  const session = useSession();
  const { pathname, search, hash } = useLocation();
  const here = `${pathname}${search}${hash}`;
  // Public pages do not wait for the answer: they show at once what anyone may see.
  const isPublic = (page.access ?? 'anyone') === 'anyone';
  if (session.status === 'loading') return isPublic ? children : <LoadingNotice />;
  if (session.status === 'error') {
    return isPublic ? children : <ErrorNotice error={session.error} onRetry={session.retry} />;
  }
  const me = session.status === 'signed-in' ? session.me : null;
  switch (decidePage(page, me)) {
    case 'show':
      if (me) signedInMarker.set();
      return children;
    case 'sign-in':
      // Signed in here before and not signed out here: the session ended elsewhere, and the sign-in page says so.
      return <Navigate to={loginPath(here)} replace state={signedInMarker.isSet() ? FLASH.sessionEnded : null} />;
    case 'change-password':
      return <Navigate to={changePasswordPath(here)} replace />;
    case 'forbidden':
      return <ForbiddenPage access={page.access ?? 'anyone'} />;
  }
}
