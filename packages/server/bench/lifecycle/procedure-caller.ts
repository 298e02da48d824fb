// Calls procedures in-process through tRPC's caller, with a principal of
// our choosing: the access rule, the input's zod parse and the procedure
// itself run as for a request, without HTTP and JSON around them.
import { v7 as uuidv7 } from 'uuid';
import type { App } from '../../src/app/create-app';
import type { Principal } from '../../src/auth/principal';
import { appRouter } from '../../src/routers';
import { createContextInner } from '../../src/trpc/context';
import { createCallerFactory } from '../../src/trpc/trpc';

const createCaller = createCallerFactory(appRouter);

export type ProcedureCaller = ReturnType<typeof createCaller>;

/** A signed-in user of `role` acting for `sites` (none for an official). */
export function userPrincipal(role: 'official' | 'operator' | 'recycler', sites: string[]): Principal {
  return {
    kind: 'user',
    id: uuidv7(),
    username: `bench-${role}`,
    displayName: `bench ${role}`,
    role,
    sites,
    mustChangePassword: false,
    sessionId: null,
  };
}

export function callerFor(app: App, principal: Principal): ProcedureCaller {
  return createCaller(createContextInner(app, { principal }));
}
