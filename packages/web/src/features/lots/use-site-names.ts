import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNames } from '../../i18n/use-names';
import { useTRPC } from '../../lib/trpc';

/** "PG01 平果回收站" for a site code, or the code alone while the list loads (or for a site one may not list). */
export function useSiteLabel(): (code: string | null) => string {
  const trpc = useTRPC();
  const names = useNames();
  const sites = useQuery(trpc.sites.list.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  return useMemo(() => {
    const byCode = new Map((sites.data ?? []).map((s) => [s.code, s]));
    return (code) => {
      if (!code) return '—';
      const site = byCode.get(code);
      return site ? names.siteLabel(site) : code;
    };
  }, [sites.data, names]);
}

/** Parts per million as a percentage with one decimal: 991000 → "99.1 %". */
export function ppmAsPercent(ppm: number): string {
  return `${(Math.round(ppm / 1000) / 10).toFixed(1)} %`;
}
