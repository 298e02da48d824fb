import type { MeView, Role, SiteView } from '@alutrace/shared';
import { describe, expect, it } from 'vitest';
import { entriesScope } from './entries-scope';

function site(code: string): SiteView {
  return {
    code,
    kind: 'collection_point',
    nameZh: code,
    nameEn: code,
    district: null,
    park: null,
    licence: null,
    active: true,
    createdAt: '2026-11-28T00:00:00.000Z',
  };
}

function me(role: Role, sites: SiteView[] = []): MeView {
  return { kind: 'user', id: 'u1', name: 'li', displayName: 'Li', role, sites, mustChangePassword: false };
}

describe('entriesScope', () => {
  it('asks a signed-out visitor to sign in', () => {
    expect(entriesScope(null, 'PG01')).toEqual({ kind: 'sign-in' });
  });

  it('lets officials and administrators read every site, or the one asked for', () => {
    expect(entriesScope(me('official'), null)).toEqual({ kind: 'all', site: null });
    expect(entriesScope(me('admin'), 'RC01')).toEqual({ kind: 'all', site: 'RC01' });
    expect(entriesScope(me('admin'), 'not a code')).toEqual({ kind: 'all', site: null });
  });

  it('keeps operators and recyclers to one of their own sites, the first unless another of theirs is asked for', () => {
    const sites = [site('PG01'), site('PG02')];
    expect(entriesScope(me('operator', sites), null)).toEqual({ kind: 'own-sites', sites, site: 'PG01' });
    expect(entriesScope(me('operator', sites), 'PG02')).toEqual({ kind: 'own-sites', sites, site: 'PG02' });
    expect(entriesScope(me('recycler', sites), 'RC09')).toEqual({ kind: 'own-sites', sites, site: 'PG01' });
  });

  it('says when an operating role has no site to read', () => {
    expect(entriesScope(me('operator'), null)).toEqual({ kind: 'no-sites' });
  });
});
