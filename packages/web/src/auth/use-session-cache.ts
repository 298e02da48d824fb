// Signing in or out changes what every private query would answer, so the
// cached answers of the previous person are dropped; the public ones (the
// signed head, the verifier key, whether this is demo data) stay.
import type { MeView } from '@alutrace/shared';
import { matchQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../lib/trpc';
import { signedInMarker } from './signed-in-marker';

export interface SessionCache {
  /** Records who signed in (auth.login answers with it) without asking again. */
  signedIn(me: MeView): void;
  /** Forgets the person and everything fetched on their behalf. */
  signedOut(): void;
  /** Asks the server again who is signed in (after a change of password, role…). */
  refresh(): Promise<void>;
}

export function useSessionCache(): SessionCache {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  return useMemo(() => {
    const meKey = trpc.auth.me.queryKey();
    const publicQueries = [
      trpc.auth.me.pathFilter(),
      trpc.ledger.head.pathFilter(),
      trpc.ledger.publicKey.pathFilter(),
      trpc.system.info.pathFilter(),
    ];
    const forgetPrivate = (): void => {
      queryClient.removeQueries({ predicate: (query) => !publicQueries.some((filter) => matchQuery(filter, query)) });
    };
    return {
      signedIn(me) {
        signedInMarker.set();
        forgetPrivate();
        queryClient.setQueryData(meKey, me);
      },
      signedOut() {
        signedInMarker.clear();
        queryClient.setQueryData(meKey, null);
        forgetPrivate();
      },
      refresh: () => queryClient.invalidateQueries({ queryKey: meKey }),
    };
  }, [queryClient, trpc]);
}
