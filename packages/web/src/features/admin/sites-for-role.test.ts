import type { SiteKind, SiteView } from '@alutrace/shared';
import { describe, expect, it } from 'vitest';
import { keepSitesFor, sitesForRole } from './sites-for-role';

function site(code: string, kind: SiteKind, active = true): SiteView {
  return {
    code,
    kind,
    nameZh: code,
    nameEn: code,
    district: null,
    park: null,
    licence: null,
    active,
    createdAt: '2026-11-28T00:00:00.000Z',
  };
}

const SITES = [
  site('PG01', 'collection_point'),
  site('PG09', 'collection_point', false),
  site('RC01', 'recycler'),
  site('UT01', 'utiliser'),
  site('BY01', 'buyer'),
  site('GOV1', 'authority'),
];

describe('sitesForRole', () => {
  it('offers operators the active collection points, recyclers the recycling sites and utilisers the utilising ones', () => {
    expect(sitesForRole(SITES, 'operator').map((s) => s.code)).toEqual(['PG01']);
    expect(sitesForRole(SITES, 'recycler').map((s) => s.code)).toEqual(['RC01']);
    expect(sitesForRole(SITES, 'utiliser').map((s) => s.code)).toEqual(['UT01']);
  });

  it('offers officials and administrators none: they read every site', () => {
    expect(sitesForRole(SITES, 'official')).toEqual([]);
    expect(sitesForRole(SITES, 'admin')).toEqual([]);
  });
});

describe('keepSitesFor', () => {
  it('drops the chosen sites that do not fit a new role', () => {
    expect(keepSitesFor(['PG01', 'RC01'], SITES, 'recycler')).toEqual(['RC01']);
    expect(keepSitesFor(['PG01'], SITES, 'admin')).toEqual([]);
  });
});
