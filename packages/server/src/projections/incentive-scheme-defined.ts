// incentive_scheme.defined → the incentive_schemes row of its code: the last
// definition wins. The domain refused a redefinition once a statement was
// issued under the scheme (INCENTIVE_SCHEME_FROZEN); this refuses it again,
// inside the same transaction, so no path around the domain can change a
// scheme that has been paid under.
import type { EventBody } from '@alutrace/shared';
import { eq } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { incentiveSchemes, incentiveStatements } from '../db/schema';
import { AppError } from '../errors';
import type { AppendedEntry } from '../ledger/types';

export function projectIncentiveSchemeDefined(
  body: EventBody<'incentive_scheme.defined'>,
  at: AppendedEntry,
  db: AppDb,
): void {
  const issued = db
    .select({ id: incentiveStatements.statementId })
    .from(incentiveStatements)
    .where(eq(incentiveStatements.schemeCode, body.code))
    .limit(1)
    .get();
  if (issued) throw new AppError('INCENTIVE_SCHEME_FROZEN', { scheme: body.code, statement: issued.id });
  const row = {
    code: body.code,
    nameZh: body.nameZh,
    nameEn: body.nameEn,
    fromDay: body.from,
    toDay: body.to,
    rates: JSON.stringify(body.rates),
    siteKinds: JSON.stringify(body.siteKinds),
    capFen: body.capFen,
    definedSeq: at.seq,
    updatedAt: at.entry.recordedAt,
  };
  db.insert(incentiveSchemes).values(row).onConflictDoUpdate({ target: incentiveSchemes.code, set: row }).run();
}
