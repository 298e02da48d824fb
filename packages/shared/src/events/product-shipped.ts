// A recycled-aluminium lot goes to a buyer, into one of the downstream chains.
import { z } from 'zod';
import { DOWNSTREAM_CHAINS, lotId, massG, sealedCommitment, siteCodeField } from './fields';
import { documentNumber, fen, note } from './sealed';

export const PRODUCT_SHIPPED = 'product.shipped';

export const productShippedBody = z.object({
  lotId,
  buyer: siteCodeField,
  chain: z.enum(DOWNSTREAM_CHAINS),
  massG,
  sealed: sealedCommitment,
});

export const productShippedSealed = z.object({
  invoiceNumber: documentNumber.optional(),
  contractNumber: documentNumber.optional(),
  priceFen: fen.optional(),
  note: note.optional(),
});
