import type { SiteKind, SiteView } from '@alutrace/shared';
import { useState } from 'react';
import { useMe } from '../../auth/use-session';

/** The sites the signed-in user acts for that are of `kinds`, and the one chosen (the first by default). */
export function useActingSite(kinds: readonly SiteKind[]): {
  sites: SiteView[];
  site: SiteView | null;
  choose: (code: string) => void;
} {
  const me = useMe();
  const sites = (me?.sites ?? []).filter((s) => s.active && kinds.includes(s.kind));
  const [chosen, setChosen] = useState<string | null>(null);
  const site = sites.find((s) => s.code === chosen) ?? sites[0] ?? null;
  return { sites, site, choose: setChosen };
}
