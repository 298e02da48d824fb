// Who may open which page, and which pages the navigation offers. The server
// enforces every rule on every call; this only spares people links and
// buttons that would end in "not allowed".
import { type MeView, PERMISSIONS, type Permission, ROLES, type Role, reachOf } from '@alutrace/shared';

/** Anyone (signed in or not), any signed-in user, or the roles granted a permission. */
export type PageAccess = 'anyone' | 'signed-in' | Permission;

export interface GuardedPage {
  access?: PageAccess;
  /** A page someone who must first change their password may still open. */
  beforePasswordChange?: boolean;
}

export type PageDecision = 'show' | 'sign-in' | 'forbidden' | 'change-password';

export function isAllowed(access: PageAccess, me: MeView | null): boolean {
  if (access === 'anyone') return true;
  if (!me) return false;
  return access === 'signed-in' || reachOf(me.role, access) !== null;
}

export function decidePage(page: GuardedPage, me: MeView | null): PageDecision {
  const access = page.access ?? 'anyone';
  // A password an administrator chose (or the first-run one) is changed before anything else.
  if (me?.mustChangePassword && !page.beforePasswordChange) return 'change-password';
  if (isAllowed(access, me)) return 'show';
  return me ? 'forbidden' : 'sign-in';
}

/** The pages with a navigation label that `me` may open, in their order. */
export function navPagesFor<T extends GuardedPage & { navLabel?: string }>(
  pages: readonly T[],
  me: MeView | null,
): T[] {
  return pages.filter((page) => page.navLabel !== undefined && isAllowed(page.access ?? 'anyone', me));
}

/** The roles granted a permission, in the order of ROLES. */
export function rolesWith(permission: Permission): Role[] {
  const grants: Partial<Record<Role, unknown>> = PERMISSIONS[permission];
  return ROLES.filter((role) => grants[role] !== undefined);
}
