// Authorisation: every procedure declares its access rule in its meta, and
// one middleware enforces it before the procedure runs. A procedure without
// a rule is refused (and fails the authorisation-matrix test).
//
//   { public: true }                        anyone, signed in or not
//   { permission }                          roles granted the permission
//   { permission, site: (input) => code }   … and, for roles whose grant
//                                           reaches only their own sites,
//                                           the input's site must be theirs
//   { permission, site: 'resource' }        … the procedure checks the site
//                                           of what it loads (ctx.assertSite)
//   usersOnly                               signed-in users, not API tokens
//   whilePasswordMustChange                 also open to a user who must first
//                                           change their password (everything
//                                           else answers PASSWORD_CHANGE_REQUIRED)
import { type Permission, type Reach, reachOf } from '@alutrace/shared';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors';

export type SiteOf = (rawInput: unknown) => string | null | undefined;

export type Access =
  | { public: true }
  | { permission: Permission; site?: SiteOf | 'resource'; usersOnly?: boolean }
  | { signedIn: true; usersOnly?: boolean; whilePasswordMustChange?: boolean };

export interface Meta {
  access?: Access;
}

/** Reads a string field of the raw input without trusting its shape. */
export function field(name: string): SiteOf {
  return (input) => {
    if (typeof input !== 'object' || input === null) return undefined;
    const v = (input as Record<string, unknown>)[name];
    return typeof v === 'string' ? v : undefined;
  };
}

export interface Authorised {
  principal: Principal;
  /** How far the caller's grant reaches for this procedure ('all' for signedIn rules). */
  reach: Reach;
  /** Throws SITE_NOT_ALLOWED unless the caller may act on `site`. */
  assertSite(site: string | null): void;
}

export function authorise(
  access: Access | undefined,
  path: string,
  principal: Principal | null,
  rawInput: unknown,
): Authorised | null {
  if (!access) throw new AppError('NO_ACCESS_RULE', { path });
  if ('public' in access) return null;
  if (!principal) throw new AppError('UNAUTHENTICATED');
  if (access.usersOnly && principal.kind !== 'user') throw new AppError('USERS_ONLY');
  // A password someone else set or saw (first run, created, reset) is changed before anything else.
  const mayWait = 'signedIn' in access && access.whilePasswordMustChange === true;
  if (principal.kind === 'user' && principal.mustChangePassword && !mayWait) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED');
  }
  const reach: Reach | null = 'signedIn' in access ? 'all' : reachOf(principal.role, access.permission);
  if (!reach)
    throw new AppError('FORBIDDEN', {
      detail: `${path} needs ${'permission' in access ? access.permission : 'a sign-in'}`,
    });
  const assertSite = (site: string | null): void => {
    if (reach === 'all') return;
    if (site === null || !principal.sites.includes(site)) throw new AppError('SITE_NOT_ALLOWED', { site: site ?? '—' });
  };
  if (reach === 'own-sites' && 'permission' in access) {
    if (access.site === undefined) {
      // A grant limited to own sites means nothing on a procedure that names no site.
      throw new AppError('FORBIDDEN', { detail: `${path} is not limited to a site` });
    }
    if (access.site !== 'resource') assertSite(access.site(rawInput) ?? null);
  }
  return { principal, reach, assertSite };
}
