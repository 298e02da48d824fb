import { ROLE_SITE_KINDS, type Role, type SiteView } from '@alutrace/shared';

/** The active sites a user or token with `role` may act for (none for officials and administrators). */
export function sitesForRole(sites: readonly SiteView[], role: Role): SiteView[] {
  const kinds = ROLE_SITE_KINDS[role];
  return sites.filter((site) => site.active && kinds.includes(site.kind));
}

/** The chosen sites that still fit after the role changed. */
export function keepSitesFor(chosen: readonly string[], sites: readonly SiteView[], role: Role): string[] {
  const fitting = new Set(sitesForRole(sites, role).map((site) => site.code));
  return chosen.filter((code) => fitting.has(code));
}
