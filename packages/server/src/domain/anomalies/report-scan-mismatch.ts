// scans.reportMismatch: a scanner saw a label whose digest is not its lot's
// (or a label for a lot the ledger does not hold) and says so. Stored in scan_mismatches (operational, not the ledger), with
// who, where and when; at most REPORTS_PER_WINDOW per caller in
// WINDOW_MINUTES, so a scanner stuck on one label cannot fill the table.
import type { reportScanMismatchInput, ScanMismatchReceipt } from '@alutrace/shared';
import { and, count, eq, gte } from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../../auth/principal';
import type { AppDb } from '../../db/open-database';
import { lots, scanMismatches } from '../../db/schema';
import { AppError } from '../../errors';
import { principalKey } from '../../sealed/access-log';

export const REPORTS_PER_WINDOW = 30;
export const WINDOW_MINUTES = 10;

export interface ReportMismatchDeps {
  db: AppDb;
  now: () => Date;
}

export function reportScanMismatch(
  deps: ReportMismatchDeps,
  principal: Principal,
  assertSite: (site: string | null) => void,
  input: z.output<typeof reportScanMismatchInput>,
): ScanMismatchReceipt {
  const site = input.site ?? null;
  // Operating roles report from one of their sites; officials and administrators from anywhere.
  assertSite(site);
  const { db } = deps;
  // A label for a lot the ledger never had is stored too (a forgery worth a look), and answered as a
  // wrong digest is: the answer must not tell whether a lot id exists (ids run in daily sequence).
  const lot = db.select({ digest: lots.labelDigest }).from(lots).where(eq(lots.lotId, input.lotId)).get();
  if (lot?.digest === input.digest) return { recorded: false };
  const now = deps.now();
  const who = principalKey(principal);
  return db.$client.transaction(() => {
    const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
    const recent =
      db
        .select({ n: count() })
        .from(scanMismatches)
        .where(and(eq(scanMismatches.principal, who), gte(scanMismatches.at, since)))
        .get()?.n ?? 0;
    if (recent >= REPORTS_PER_WINDOW) throw new AppError('SCAN_REPORTS_THROTTLED', { minutes: WINDOW_MINUTES });
    db.insert(scanMismatches)
      .values({
        lotId: input.lotId,
        digestSeen: input.digest,
        site,
        principal: who,
        source: input.source,
        at: now.toISOString(),
      })
      .run();
    return { recorded: true };
  })();
}
