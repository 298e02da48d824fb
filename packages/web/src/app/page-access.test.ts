import type { MeView, Role } from '@alutrace/shared';
import { describe, expect, it } from 'vitest';
import { decidePage, type GuardedPage, navPagesFor, rolesWith } from './page-access';

function me(role: Role, mustChangePassword = false): MeView {
  return { kind: 'user', id: 'u1', name: role, displayName: role, role, sites: [], mustChangePassword };
}

const PAGES: (GuardedPage & { path: string; navLabel?: string })[] = [
  { path: '/ledger', navLabel: 'ledger' },
  { path: '/login', access: 'anyone', beforePasswordChange: true },
  { path: '/account', access: 'signed-in' },
  { path: '/lots', navLabel: 'lots', access: 'ledger:read' },
  { path: '/admin', navLabel: 'admin', access: 'users:manage' },
];

describe('navPagesFor', () => {
  const labels = (who: MeView | null) => navPagesFor(PAGES, who).map((page) => page.navLabel);

  it('offers a signed-out visitor only the public pages', () => {
    expect(labels(null)).toEqual(['ledger']);
  });

  it('offers the admin area to administrators only', () => {
    expect(labels(me('operator'))).toEqual(['ledger', 'lots']);
    expect(labels(me('recycler'))).toEqual(['ledger', 'lots']);
    expect(labels(me('official'))).toEqual(['ledger', 'lots']);
    expect(labels(me('admin'))).toEqual(['ledger', 'lots', 'admin']);
  });
});

describe('decidePage', () => {
  it('sends a signed-out visitor of a private page to sign in, and a signed-in one without the right to "not allowed"', () => {
    expect(decidePage({ access: 'signed-in' }, null)).toBe('sign-in');
    expect(decidePage({ access: 'users:manage' }, null)).toBe('sign-in');
    expect(decidePage({ access: 'users:manage' }, me('official'))).toBe('forbidden');
    expect(decidePage({ access: 'users:manage' }, me('admin'))).toBe('show');
    expect(decidePage({}, null)).toBe('show');
  });

  it('holds someone who must change their password on the pages that allow it', () => {
    const forced = me('admin', true);
    expect(decidePage({ access: 'users:manage' }, forced)).toBe('change-password');
    expect(decidePage({}, forced)).toBe('change-password');
    expect(decidePage({ access: 'signed-in', beforePasswordChange: true }, forced)).toBe('show');
  });
});

describe('rolesWith', () => {
  it('lists the roles granted a permission', () => {
    expect(rolesWith('ledger:verify')).toEqual(['official', 'admin']);
    expect(rolesWith('users:manage')).toEqual(['admin']);
  });
});
