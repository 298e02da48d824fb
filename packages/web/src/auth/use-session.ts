// Who is signed in, as the server says through auth.me: the session cookie
// is HttpOnly, so asking is the only way to know. The answer is cached like
// any query and checked again when the window regains focus.
import type { MeView } from '@alutrace/shared';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';

export type Session =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'signed-out' }
  | { status: 'signed-in'; me: MeView };

export function useSession(): Session {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  // A failed re-check keeps the last answer: a dropped connection does not sign anyone out.
  if (me.data !== undefined) return me.data ? { status: 'signed-in', me: me.data } : { status: 'signed-out' };
  if (me.isError) return { status: 'error', error: me.error, retry: () => void me.refetch() };
  return { status: 'loading' };
}

/** The signed-in user, or null while signed out, loading or unknown. */
export function useMe(): MeView | null {
  const session = useSession();
  return session.status === 'signed-in' ? session.me : null;
}
