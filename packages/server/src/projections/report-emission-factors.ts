// emission_factors.defined → one emission_factors row per version.
import type { EventBody } from '@alutrace/shared';
import type { AppDb } from '../db/open-database';
import { emissionFactors } from '../db/schema';
import type { AppendedEntry } from '../ledger/types';

export function projectEmissionFactorsDefined(
  body: EventBody<'emission_factors.defined'>,
  at: AppendedEntry,
  db: AppDb,
): void {
  db.insert(emissionFactors)
    .values({ ...body, definedSeq: at.seq, definedAt: at.entry.recordedAt })
    .run();
}
