// Who is calling: a signed-in user (through a session) or an API token.
// Resolved on the server for every request; nothing the client sends about
// its own role or sites is ever trusted.
import type { Actor, Role } from '@alutrace/shared';

export type Principal =
  | {
      kind: 'user';
      id: string;
      username: string;
      displayName: string;
      role: Role;
      sites: string[];
      mustChangePassword: boolean;
      sessionId: string | null;
    }
  | {
      kind: 'token';
      id: string;
      name: string;
      role: Role;
      sites: string[];
      /** The administrator who created the token: responsible for what it does. */
      createdBy: string;
    };

/** How the principal appears in ledger entries: its id, and for a token the id of its creator too. */
export function actorOf(p: Principal): Actor {
  return p.kind === 'user' ? { type: 'user', id: p.id } : { type: 'token', id: p.id, userId: p.createdBy };
}

/** The actor for changes made by the server itself or the command line. */
export function systemActor(name: 'bootstrap' | 'cli'): Actor {
  return { type: 'system', id: name };
}
