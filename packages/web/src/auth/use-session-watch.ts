// When any call answers UNAUTHENTICATED the session has ended behind the
// page's back (signed out elsewhere, revoked, idle too long): the person is
// sent to sign in again and brought back to where they were.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { FLASH } from '../app/flash';
import { isSessionEnded } from '../lib/api-error';
import { LOGIN_PATH, loginPath } from '../lib/next-path';

export function useSessionWatch(): void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  // Read when an error arrives, not when the subscription is made.
  const here = useRef(location);
  here.current = location;
  // Several calls can fail at once: one trip to the sign-in page is enough.
  const redirecting = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page is the moment to listen again.
  useEffect(() => {
    redirecting.current = false;
  }, [location.key]);

  useEffect(() => {
    const onError = (error: unknown): void => {
      if (!isSessionEnded(error) || redirecting.current || here.current.pathname === LOGIN_PATH) return;
      const { pathname, search, hash } = here.current;
      redirecting.current = true;
      // The sign-in page forgets the person once it shows (see LoginPage).
      void navigate(loginPath(`${pathname}${search}${hash}`), { state: FLASH.sessionEnded });
    };
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient, navigate]);
}
