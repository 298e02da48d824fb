// A processing run (EPCIS TransformationEvent): input lots with the mass
// consumed from each, non-scrap additions, and the output and by-product lots
// it made (their ids assigned by the server).
import { z } from 'zod';
import {
  ADDITION_KINDS,
  BYPRODUCT_KINDS,
  catalogCode,
  lotId,
  massG,
  PROCESS_KINDS,
  PRODUCT_FORMS,
  sealedCommitment,
} from './fields';
import { note } from './sealed';

export const PROCESSING_RECORDED = 'processing.recorded';

export const processingRecordedBody = z.object({
  runId: z.string().uuid(),
  process: z.enum(PROCESS_KINDS),
  inputs: z
    .array(z.object({ lotId, consumedG: massG }))
    .min(1)
    .max(500),
  additions: z.array(z.object({ kind: z.enum(ADDITION_KINDS), massG })).max(20),
  outputs: z
    .array(
      z.object({
        lotId,
        form: z.enum(PRODUCT_FORMS),
        /** The scrap grade of a sorted or shredded output, or null for metal. */
        grade: catalogCode.nullable(),
        /** The alloy of a metal output (ADC12, A356.2 …), or null for scrap. */
        alloy: catalogCode.nullable(),
        massG,
      }),
    )
    .max(100),
  byproducts: z
    .array(
      z.object({
        lotId,
        kind: z.enum(BYPRODUCT_KINDS),
        massG,
        /** The hazardous-waste code where it applies, e.g. HW48 321-026-48. */
        hazardousWasteCode: z
          .string()
          .regex(/^HW\d{2} \d{3}-\d{3}-\d{2}$/)
          .nullable(),
      }),
    )
    .max(20),
  /** The melt-loss share in force, in percent (DOMAIN.md rule 3): a larger loss is flagged. */
  lossFlagPct: z.number().int().min(0).max(100),
  sealed: sealedCommitment,
});

export const processingRecordedSealed = z.object({ note: note.optional() });
