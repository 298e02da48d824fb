// A role and the sites it acts for must fit together: operators act for
// collection points, recyclers for recycler, utiliser or buyer sites, and
// officials and administrators for none (they read everything).
import { ROLE_SITE_KINDS, type Role, roleNeedsSites } from '@alutrace/shared';
import type { AppDb } from '../../db/open-database';
import { AppError } from '../../errors';
import { findSites } from '../sites/site-rows';

export function checkRoleSites(db: AppDb, role: Role, codes: string[]): string[] {
  const unique = [...new Set(codes)].sort();
  if (!roleNeedsSites(role)) {
    if (unique.length > 0) throw new AppError('SITES_NOT_ALLOWED', { role });
    return [];
  }
  if (unique.length === 0) throw new AppError('SITES_REQUIRED', { role });
  const found = new Map(findSites(db, unique).map((s) => [s.code, s]));
  const kinds = ROLE_SITE_KINDS[role];
  for (const code of unique) {
    const site = found.get(code);
    if (!site) throw new AppError('SITE_UNKNOWN', { site: code });
    if (!site.active) throw new AppError('SITE_INACTIVE', { site: code });
    if (!kinds.includes(site.kind)) {
      throw new AppError('SITE_KIND_MISMATCH', { role, kinds: kinds.join(', '), site: code, kind: site.kind });
    }
  }
  return unique;
}
