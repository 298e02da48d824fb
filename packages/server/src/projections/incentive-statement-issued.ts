// incentive_statement.issued → the statement's row (from its first part) and
// one incentive_payments row per paid collection entry. That table's primary
// key is the collection entry's seq: a second payment of the same tonnage,
// under any scheme, fails here inside the append's transaction, so that even
// two issues committed at the same moment cannot both succeed (the domain
// checks first to name the lot; this is the guarantee).
import type { EventBody } from '@alutrace/shared';
import { eq } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { incentivePayments, incentiveStatements } from '../db/schema';
import { AppError } from '../errors';
import type { AppendedEntry } from '../ledger/types';

export function projectIncentiveStatementIssued(
  body: EventBody<'incentive_statement.issued'>,
  at: AppendedEntry,
  db: AppDb,
): void {
  if (body.part === 1) {
    db.insert(incentiveStatements)
      .values({
        statementId: body.statementId,
        schemeCode: body.scheme,
        site: body.site,
        fromDay: body.from,
        toDay: body.to,
        firstSeq: at.seq,
        parts: body.parts,
        lineCount: body.lineCount,
        paidG: body.paidG,
        subtotalFen: body.subtotalFen,
        payableFen: body.payableFen,
        issuedAt: at.entry.recordedAt,
      })
      .run();
  }
  for (const line of body.lines) {
    const paid = db
      .select({ statementId: incentivePayments.statementId })
      .from(incentivePayments)
      .where(eq(incentivePayments.collectionSeq, line.seq))
      .get();
    if (paid) {
      throw new AppError('INCENTIVE_ALREADY_PAID', { lot: line.lotId, seq: line.seq, statement: paid.statementId });
    }
    // The primary key refuses a duplicate even if the look-up above were skipped.
    db.insert(incentivePayments)
      .values({
        collectionSeq: line.seq,
        lotId: line.lotId,
        statementId: body.statementId,
        schemeCode: body.scheme,
        site: body.site,
        massG: line.massG,
        amountFen: line.amountFen,
      })
      .run();
  }
}
