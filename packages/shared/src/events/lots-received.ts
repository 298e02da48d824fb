// Lots of a dispatch arrive, each with the mass the receiving scale showed;
// the difference to the dispatched mass is a transit discrepancy.
import { z } from 'zod';
import { lotId, massG, sealedCommitment } from './fields';
import { documentNumber, note } from './sealed';

export const LOTS_RECEIVED = 'lots.received';

export const lotsReceivedBody = z.object({
  dispatchId: z.string().uuid(),
  lots: z
    .array(z.object({ lotId, receivedG: massG }))
    .min(1)
    .max(500),
  /** The transit tolerance in force, in percent (DOMAIN.md rule 5): a larger difference is flagged. */
  tolerancePct: z.number().int().min(0).max(100),
  sealed: sealedCommitment,
});

export const lotsReceivedSealed = z.object({
  ticketNumber: documentNumber.optional(),
  note: note.optional(),
});
