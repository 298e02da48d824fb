// audit.sample: the sample for physical inspection (shared/audit/sample.ts)
// drawn at a signed checkpoint. The population is the derived lots table
// read as of that tree size — lots created by an entry before it and not
// voided by a correction before it — which is what replaying the log up to
// that size gives (shared/audit/population.ts, used by `alutrace sample`);
// test/api/audit-sample.test.ts holds the two to each other.
import {
  type AuditCheckpointsPage,
  type AuditSampleView,
  type auditCheckpointsInput,
  type auditSampleInput,
  drawSample,
  lotIdSiteDay,
  type SampleCandidate,
} from '@alutrace/shared';
import { and, desc, eq, lt, notExists } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '../../db/open-database';
import { corrections, ledgerCheckpoints, lots } from '../../db/schema';
import { AppError } from '../../errors';
import type { Ledger } from '../../ledger/ledger';

export interface SampleDeps {
  db: AppDb;
  ledger: Ledger;
  origin: string;
  verifierKey: string;
}

/** The lots that existed at tree size `size`, from the derived tables. */
export function populationAt(db: AppDb, size: number): SampleCandidate[] {
  const rows = db
    .select({ lotId: lots.lotId, kind: lots.kind, createdSeq: lots.createdSeq, labelDigest: lots.labelDigest })
    .from(lots)
    .where(
      and(
        lt(lots.createdSeq, size),
        notExists(
          db
            .select({ t: corrections.targetSeq })
            .from(corrections)
            .where(and(eq(corrections.targetSeq, lots.createdSeq), lt(corrections.correctionSeq, size))),
        ),
      ),
    )
    .all();
  return rows.flatMap((r) => {
    const parts = lotIdSiteDay(r.lotId);
    return parts ? [{ ...r, site: parts.site, day: parts.day }] : [];
  });
}

export function sampleLots(deps: SampleDeps, input: z.output<typeof auditSampleInput>): AuditSampleView {
  const cp = deps.ledger.checkpointAt(input.treeSize);
  if (!cp) throw new AppError('SAMPLE_CHECKPOINT_UNKNOWN', { size: input.treeSize });
  const draw = drawSample(
    populationAt(deps.db, cp.treeSize),
    { origin: deps.origin, treeSize: cp.treeSize, rootHash: cp.rootHash },
    input.params,
  );
  return { ...draw, note: cp.note, verifierKey: deps.verifierKey };
}

export function listCheckpoints(db: AppDb, input: z.output<typeof auditCheckpointsInput>): AuditCheckpointsPage {
  const rows = db
    .select({
      treeSize: ledgerCheckpoints.treeSize,
      rootHash: ledgerCheckpoints.rootHash,
      createdAt: ledgerCheckpoints.createdAt,
    })
    .from(ledgerCheckpoints)
    .where(input.before === undefined ? undefined : lt(ledgerCheckpoints.treeSize, input.before))
    .orderBy(desc(ledgerCheckpoints.treeSize))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((r) => ({ treeSize: r.treeSize, rootHash: r.rootHash.toString('hex'), createdAt: r.createdAt })),
    next: rows.length > input.limit ? (page[page.length - 1]?.treeSize ?? null) : null,
  };
}
