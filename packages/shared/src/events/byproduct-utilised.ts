// A dross, slag or dust lot goes to its route, where it was made or after a
// dispatch to a utiliser, with its hazardous-waste transfer manifest number.
import { z } from 'zod';
import { BYPRODUCT_ROUTES, lotId, massG, sealedCommitment } from './fields';
import { note } from './sealed';

export const BYPRODUCT_UTILISED = 'byproduct.utilised';

export const byproductUtilisedBody = z.object({
  lotId,
  route: z.enum(BYPRODUCT_ROUTES),
  massG,
  /** 危险废物转移联单 number; public, as the manifest system is. */
  manifestNumber: z
    .string()
    .regex(/^[A-Za-z0-9-]{4,40}$/)
    .nullable(),
  sealed: sealedCommitment,
});

export const byproductUtilisedSealed = z.object({ note: note.optional() });
