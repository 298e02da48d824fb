// An earlier event declared wrong (EPCIS errorDeclaration): the original
// stays in the ledger and is excluded from balances and reports; the
// corrected event, when given, is recorded in the same transaction.
import { z } from 'zod';
import { CORRECTION_REASONS, sealedCommitment } from './fields';
import { note } from './sealed';

export const CORRECTION_RECORDED = 'correction.recorded';

export const correctionRecordedBody = z.object({
  /** The seq of the entry declared wrong. */
  targetSeq: z.number().int().nonnegative(),
  /** Its leaf hash, so that the correction names exactly one entry of one log. */
  targetLeafHash: z.string().regex(/^[0-9a-f]{64}$/),
  reason: z.enum(CORRECTION_REASONS),
  /** True when the corrected event was recorded with it: it is the entry right after this one. */
  withReplacement: z.boolean(),
  sealed: sealedCommitment,
});

export const correctionRecordedSealed = z.object({ note: note.optional() });
