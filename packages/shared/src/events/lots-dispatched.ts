// Whole lots leave a site for another one (a lot is split only by a sorting run).
import { z } from 'zod';
import { lotId, massG, sealedCommitment, siteCodeField } from './fields';
import { documentNumber, note, vehiclePlate } from './sealed';

export const LOTS_DISPATCHED = 'lots.dispatched';

export const lotsDispatchedBody = z.object({
  dispatchId: z.string().uuid(),
  to: siteCodeField,
  /** Each lot's whole balance at dispatch. */
  lots: z.array(z.object({ lotId, massG })).min(1).max(500),
  sealed: sealedCommitment,
});

export const lotsDispatchedSealed = z.object({
  vehiclePlate: vehiclePlate.optional(),
  driver: z.string().max(50).optional(),
  waybillNumber: documentNumber.optional(),
  note: note.optional(),
});
