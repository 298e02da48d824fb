// Which entries a signed-in person may list: officials and administrators
// every site's (optionally one site's), operators and recyclers only those of
// a site they act for, one site at a time, as the server requires.
import { type MeView, reachOf, type SiteView, siteCode } from '@alutrace/shared';

export type EntriesScope =
  | { kind: 'sign-in' }
  /** An operating role with no active site: nothing to list until an administrator assigns one. */
  | { kind: 'no-sites' }
  | { kind: 'own-sites'; sites: SiteView[]; site: string }
  | { kind: 'all'; site: string | null };

/** `requested` is the site asked for in the address (`?site=`), if any. */
export function entriesScope(me: MeView | null, requested: string | null): EntriesScope {
  if (!me) return { kind: 'sign-in' };
  const reach = reachOf(me.role, 'ledger:read');
  if (reach === 'all') {
    return { kind: 'all', site: requested !== null && siteCode.safeParse(requested).success ? requested : null };
  }
  const [first] = me.sites;
  if (reach === null || !first) return { kind: 'no-sites' };
  const chosen = me.sites.find((site) => site.code === requested) ?? first;
  return { kind: 'own-sites', sites: me.sites, site: chosen.code };
}
