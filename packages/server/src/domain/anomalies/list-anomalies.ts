// anomalies.list: every detector (or the one asked for) over the filters,
// newest first. Each detector is a plain function of the database and the
// query; none writes anything.
import type { AnomalyItem, AnomalyList, AnomalyListKind, ListAnomaliesInput } from '@alutrace/shared';
import type { AppDb } from '../../db/open-database';
import { type AnomalyQuery, queryOf } from './anomaly-query';
import { detectDigestMismatches } from './detect-digest-mismatch';
import { detectMeltLoss } from './detect-melt-loss';
import { detectNotReceived } from './detect-not-received';
import { detectOutsideHours } from './detect-outside-hours';
import { detectSellerVolumes } from './detect-seller-volume';
import { detectSiteCorrections } from './detect-site-corrections';
import { detectTransitDiscrepancies } from './detect-transit';
import { detectUserCorrections } from './detect-user-corrections';
import { detectYieldOutOfBand } from './detect-yield-band';
import { readThresholds, type ThresholdRules } from './thresholds';

type Detect = (db: AppDb, q: AnomalyQuery) => AnomalyItem[];

const DETECTORS: readonly { kinds: readonly AnomalyListKind[]; detect: Detect }[] = [
  { kinds: ['high_melt_loss'], detect: detectMeltLoss },
  { kinds: ['yield_out_of_band'], detect: detectYieldOutOfBand },
  { kinds: ['transit_discrepancy'], detect: detectTransitDiscrepancies },
  { kinds: ['not_received'], detect: detectNotReceived },
  { kinds: ['seller_daily_volume', 'seller_monthly_volume'], detect: detectSellerVolumes },
  { kinds: ['label_digest_mismatch'], detect: detectDigestMismatches },
  { kinds: ['site_corrections'], detect: detectSiteCorrections },
  { kinds: ['user_corrections'], detect: detectUserCorrections },
  { kinds: ['outside_hours'], detect: detectOutsideHours },
];

export interface ListAnomaliesDeps {
  db: AppDb;
  rules: ThresholdRules;
  now: () => Date;
}

export function listAnomalies(deps: ListAnomaliesDeps, input: ListAnomaliesInput): AnomalyList {
  const now = deps.now();
  const { thresholds } = readThresholds(deps.db, deps.rules);
  const q = queryOf(input, thresholds, now);
  // One read transaction: every detector sees the same ledger.
  const found = deps.db.$client.transaction(() =>
    DETECTORS.filter((d) => input.kind === undefined || d.kinds.includes(input.kind)).flatMap((d) =>
      d.detect(deps.db, q),
    ),
  )();
  const items = found
    .filter((i) => input.kind === undefined || i.kind === input.kind)
    .sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? 1 : -1));
  return {
    items: items.slice(0, input.limit),
    truncated: items.length > input.limit,
    now: now.toISOString(),
    thresholds,
  };
}
