// One report from the server, by name. The filters come from the address
// as loose values; the procedure's own input schema checks them, and its
// answer (field by field) shows beside the form.
import { type ReportName, type ReportTable, reachOf } from '@alutrace/shared';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useMe } from '../../auth/use-session';
import { useTRPC } from '../../lib/trpc';

type LooseInput = Record<string, unknown>;

export function useReport(name: ReportName, input: LooseInput, enabled = true): UseQueryResult<ReportTable> {
  const trpc = useTRPC();
  // The filters are checked by the server, whose field messages the form shows; here they pass as the procedure's input.
  const options = (() => {
    switch (name) {
      case 'volumes':
        return trpc.reports.volumes.queryOptions(input as never);
      case 'yield':
        return trpc.reports.yield.queryOptions(input as never);
      case 'dross':
        return trpc.reports.dross.queryOptions(input as never);
      case 'discrepancies':
        return trpc.reports.discrepancies.queryOptions(input as never);
      case 'shipments':
        return trpc.reports.shipments.queryOptions(input as never);
      case 'emissions':
        return trpc.reports.emissions.queryOptions(input as never);
    }
  })();
  return useQuery({
    ...(options as ReturnType<typeof trpc.reports.volumes.queryOptions>),
    enabled,
  }) as UseQueryResult<ReportTable>;
}

/**
 * The site an operator, recycler or utiliser must name (reports:read reaches
 * only their own sites): their first, until they choose another of theirs.
 * Officials and administrators read every site: undefined.
 */
export function useOwnReportSite(): string | undefined {
  const me = useMe();
  if (!me || reachOf(me.role, 'reports:read') !== 'own-sites') return undefined;
  return me.sites[0]?.code;
}
