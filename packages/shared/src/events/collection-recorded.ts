// A collection point weighed scrap and recorded its seller: a new lot.
import { z } from 'zod';
import { catalogCode, lotId, massG, SOURCE_CLASSES, sealedCommitment, sha256Hex } from './fields';
import { documentNumber, fen, note, sellerFields, vehiclePlate } from './sealed';

export const COLLECTION_RECORDED = 'collection.recorded';

export const collectionRecordedBody = z.object({
  lotId,
  grade: catalogCode,
  sourceClass: z.enum(SOURCE_CLASSES),
  grossG: massG,
  tareG: z.number().int().nonnegative(),
  deductionG: z.number().int().nonnegative(),
  /** gross − tare − deduction (DOMAIN.md rule 1). */
  netG: massG,
  /** SHA-256 of photos kept outside the ledger (the weighbridge display, the load). */
  photoHashes: z.array(sha256Hex).max(10),
  sealed: sealedCommitment,
});

export const collectionRecordedSealed = z.object({
  seller: sellerFields,
  vehiclePlate: vehiclePlate.optional(),
  ticketNumber: documentNumber.optional(),
  /** The price paid for the whole lot, in fen. */
  priceFen: fen.optional(),
  note: note.optional(),
});
