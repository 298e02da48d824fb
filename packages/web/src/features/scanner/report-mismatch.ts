// A label whose digest is not its lot's is reported to the server
// (scans.reportMismatch) as the warning is shown: officials see it in the
// anomaly list. The report never holds up the person scanning: a failure
// (offline, too many reports) is left unsaid, the warning on screen stays.
import { reachOf } from '@alutrace/shared';
import { useCallback } from 'react';
import { useMe } from '../../auth/use-session';
import { useTRPCClient } from '../../lib/trpc';

export interface MismatchSeen {
  lotId: string;
  digest: string;
  source: 'camera' | 'manual';
  /** The screen's site when it has one; otherwise the user's first site. */
  site?: string | undefined;
}

export function useReportMismatch(): (seen: MismatchSeen) => void {
  const client = useTRPCClient();
  const me = useMe();
  return useCallback(
    (seen: MismatchSeen) => {
      if (!me || reachOf(me.role, 'scans:report') === null) return;
      // Operating roles report from one of their sites; officials and administrators act for none.
      const site = seen.site ?? me.sites[0]?.code;
      void client.scans.reportMismatch
        .mutate({ lotId: seen.lotId, digest: seen.digest, source: seen.source, ...(site ? { site } : {}) })
        .catch(() => undefined);
    },
    [client, me],
  );
}
