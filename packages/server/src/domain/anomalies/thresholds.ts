// The anomaly thresholds: the last anomaly_thresholds.set entry, or the
// documented defaults (shared/anomalies/default-thresholds.ts). Setting them
// appends one entry with the whole new set; a change that changes nothing
// writes nothing.
import {
  type Actor,
  type AnomalyThresholds,
  type AnomalyThresholdsView,
  anomalyThresholdsBody,
  defaultAnomalyThresholds,
  type setAnomalyThresholdsInput,
} from '@alutrace/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '../../db/open-database';
import { anomalyThresholds } from '../../db/schema';
import { AppError } from '../../errors';
import type { Ledger } from '../../ledger/ledger';

export interface ThresholdRules {
  meltLossFlagPct: number;
  transitTolerancePct: number;
}

export function readThresholds(db: AppDb, rules: ThresholdRules): AnomalyThresholdsView {
  const defaults = defaultAnomalyThresholds(rules);
  const row = db.select().from(anomalyThresholds).where(eq(anomalyThresholds.id, 1)).get();
  if (!row) return { thresholds: defaults, setSeq: null, setAt: null, defaults };
  return {
    thresholds: anomalyThresholdsBody.parse(JSON.parse(row.thresholds)),
    setSeq: row.setSeq,
    setAt: row.setAt,
    defaults,
  };
}

export interface SetThresholdsDeps {
  ledger: Ledger;
  rules: ThresholdRules;
}

export async function setThresholds(
  deps: SetThresholdsDeps,
  actor: Actor,
  input: z.output<typeof setAnomalyThresholdsInput>,
): Promise<AnomalyThresholdsView> {
  await deps.ledger.appendAsync((db) => {
    const current = readThresholds(db, deps.rules);
    const next: AnomalyThresholds = { ...current.thresholds, ...definedOnly(input) };
    if (next.sellerDailyG > next.sellerMonthlyG) {
      const en = 'the monthly volume cannot be below the daily one';
      throw new AppError(
        'VALIDATION_FAILED',
        { fields: `sellerMonthlyG (${en})`, fieldsZh: 'sellerMonthlyG（单月上限不能低于单日上限）' },
        { fields: { sellerMonthlyG: [en] } },
      );
    }
    // Only an entry once set: until then the defaults, which follow the server's rules, are in force.
    const same = current.setSeq !== null && JSON.stringify(next) === JSON.stringify(current.thresholds);
    return same ? [] : [{ kind: 'anomaly_thresholds.set', site: null, actor, body: anomalyThresholdsBody.parse(next) }];
  });
  return readThresholds(deps.ledger.db, deps.rules);
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
