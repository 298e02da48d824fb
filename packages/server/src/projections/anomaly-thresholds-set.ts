// anomaly_thresholds.set → the one row of thresholds in force: the last set wins.
import type { EventBody } from '@alutrace/shared';
import type { AppDb } from '../db/open-database';
import { anomalyThresholds } from '../db/schema';
import type { AppendedEntry } from '../ledger/types';

export function projectAnomalyThresholdsSet(
  body: EventBody<'anomaly_thresholds.set'>,
  at: AppendedEntry,
  db: AppDb,
): void {
  const row = { id: 1, thresholds: JSON.stringify(body), setSeq: at.seq, setAt: at.entry.recordedAt };
  db.insert(anomalyThresholds).values(row).onConflictDoUpdate({ target: anomalyThresholds.id, set: row }).run();
}
