// audit.*: a sample of lots for physical inspection, seeded by a signed checkpoint (README "Sampling for physical inspection").
import {
  type AuditCheckpointsPage,
  type AuditSampleView,
  auditCheckpointsInput,
  auditSampleInput,
} from '@alutrace/shared';
import { listCheckpoints, sampleLots } from '../domain/audit/sample-lots';
import { procedure, router } from '../trpc/trpc';

const sampler = procedure({ permission: 'audit:sample' });

export const auditRouter = router({
  sample: sampler
    .input(auditSampleInput)
    .query(
      ({ ctx, input }): AuditSampleView =>
        sampleLots(
          { db: ctx.app.db, ledger: ctx.app.ledger, origin: ctx.app.config.origin, verifierKey: ctx.app.verifierKey },
          input,
        ),
    ),
  /** The signed checkpoints, newest first: the ones a sample may rest on. */
  checkpoints: sampler
    .input(auditCheckpointsInput)
    .query(({ ctx, input }): AuditCheckpointsPage => listCheckpoints(ctx.app.db, input)),
});
