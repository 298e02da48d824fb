// Inputs and outputs of the lifecycle procedures: collection.record,
// transfers.*, processing.record, byproducts.utilise, shipments.record,
// corrections.record, and the lot reads. Masses are integer grams; the
// rules (DOMAIN.md 1–7) are checked on the server, each with its own error
// code, so the schemas here only fix the shapes: a zero mass is a rule
// error (MASS_NOT_POSITIVE), not a malformed request.
import { z } from 'zod';
import { byproductUtilisedSealed } from '../events/byproduct-utilised';
import { collectionRecordedSealed } from '../events/collection-recorded';
import { correctionRecordedSealed } from '../events/correction-recorded';
import {
  ADDITION_KINDS,
  BYPRODUCT_KINDS,
  BYPRODUCT_ROUTES,
  type ByproductKind,
  type ByproductRoute,
  CORRECTION_REASONS,
  catalogCode,
  DOWNSTREAM_CHAINS,
  type DownstreamChain,
  GRADE_FAMILIES,
  lotId,
  PROCESS_KINDS,
  PRODUCT_FORMS,
  type ProductForm,
  SOURCE_CLASSES,
  type SourceClass,
  sha256Hex,
  siteCodeField,
} from '../events/fields';
import { lotsDispatchedSealed } from '../events/lots-dispatched';
import { lotsReceivedSealed } from '../events/lots-received';
import { processingRecordedSealed } from '../events/processing-recorded';
import { productShippedSealed } from '../events/product-shipped';

/** Grams as typed: a whole number; its sign and size are rule 1's business. */
export const gramsInput = z.number().int('a whole number of grams').safe();

/** A retry of the same request with the same key returns the first result (rule 6). */
export const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,100}$/, '8–100 letters, digits, ".", "_", ":" or "-" (a UUID is a good key)');

// Any ISO-8601 UTC time is accepted and kept in the ledger's one form (with
// milliseconds): '…T08:30:00Z' and '…T08:30:00.000Z' are the same instant, and the
// ledger refuses any other spelling, so a caller's form must not decide the answer.
const instant = z
  .string()
  .datetime({ offset: false, message: 'an ISO-8601 UTC time like 2026-11-28T08:30:00Z' })
  .transform((t) => new Date(t).toISOString());

const common = {
  /** The site the event is recorded for (the caller must act for it). */
  site: siteCodeField,
  /** When it happened, if not now (ISO-8601 UTC). */
  occurredAt: instant.optional(),
  idempotencyKey: idempotencyKey.optional(),
};

export const recordCollectionInput = z.object({
  ...common,
  grade: catalogCode,
  /** Defaults to the grade's default source class. */
  sourceClass: z.enum(SOURCE_CLASSES).optional(),
  grossG: gramsInput,
  tareG: gramsInput,
  deductionG: gramsInput.default(0),
  /** Net = gross − tare − deduction; sent so that what the operator saw is what is checked. */
  netG: gramsInput,
  photoHashes: z.array(sha256Hex).max(10).default([]),
  sealed: collectionRecordedSealed,
});

export const dispatchLotsInput = z.object({
  ...common,
  to: siteCodeField,
  lots: z
    .array(z.object({ lotId, massG: gramsInput }))
    .min(1)
    .max(500),
  sealed: lotsDispatchedSealed.default({}),
});

export const receiveLotsInput = z.object({
  ...common,
  dispatchId: z.string().uuid(),
  lots: z
    .array(z.object({ lotId, receivedG: gramsInput }))
    .min(1)
    .max(500),
  sealed: lotsReceivedSealed.default({}),
});

export const recordProcessingInput = z.object({
  ...common,
  process: z.enum(PROCESS_KINDS),
  inputs: z
    .array(z.object({ lotId, consumedG: gramsInput }))
    .min(1)
    .max(500),
  additions: z
    .array(z.object({ kind: z.enum(ADDITION_KINDS), massG: gramsInput }))
    .max(20)
    .default([]),
  outputs: z
    .array(
      z.object({
        form: z.enum(PRODUCT_FORMS),
        /** For sorted or shredded scrap: its grade. */
        grade: catalogCode.nullable().default(null),
        /** For metal: its alloy. */
        alloy: catalogCode.nullable().default(null),
        massG: gramsInput,
      }),
    )
    .max(100)
    .default([]),
  byproducts: z
    .array(
      z.object({
        kind: z.enum(BYPRODUCT_KINDS),
        massG: gramsInput,
        hazardousWasteCode: z
          .string()
          .regex(/^HW\d{2} \d{3}-\d{3}-\d{2}$/, 'a code like HW48 321-026-48')
          .nullable()
          .default(null),
      }),
    )
    .max(20)
    .default([]),
  sealed: processingRecordedSealed.default({}),
});

export const utiliseByproductInput = z.object({
  ...common,
  lotId,
  route: z.enum(BYPRODUCT_ROUTES),
  massG: gramsInput,
  manifestNumber: z
    .string()
    .regex(/^[A-Za-z0-9-]{4,40}$/, '4–40 letters, digits or "-"')
    .nullable()
    .default(null),
  sealed: byproductUtilisedSealed.default({}),
});

export const recordShipmentInput = z.object({
  ...common,
  lotId,
  buyer: siteCodeField,
  chain: z.enum(DOWNSTREAM_CHAINS),
  massG: gramsInput,
  sealed: productShippedSealed.default({}),
});

/** The corrected event, recorded with the correction: the input of the target's own procedure, without site and key. */
export const correctionReplacement = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('collection.recorded'),
    input: recordCollectionInput.omit({ site: true, idempotencyKey: true }),
  }),
  z.object({
    kind: z.literal('processing.recorded'),
    input: recordProcessingInput.omit({ site: true, idempotencyKey: true }),
  }),
  z.object({ kind: z.literal('lots.received'), input: receiveLotsInput.omit({ site: true, idempotencyKey: true }) }),
  z.object({ kind: z.literal('lots.dispatched'), input: dispatchLotsInput.omit({ site: true, idempotencyKey: true }) }),
  z.object({
    kind: z.literal('byproduct.utilised'),
    input: utiliseByproductInput.omit({ site: true, idempotencyKey: true }),
  }),
  z.object({
    kind: z.literal('product.shipped'),
    input: recordShipmentInput.omit({ site: true, idempotencyKey: true }),
  }),
]);

export const recordCorrectionInput = z.object({
  site: siteCodeField,
  idempotencyKey: idempotencyKey.optional(),
  targetSeq: z.number().int().nonnegative(),
  targetLeafHash: sha256Hex,
  reason: z.enum(CORRECTION_REASONS),
  replacement: correctionReplacement.optional(),
  sealed: correctionRecordedSealed.default({}),
});

/** What every lifecycle procedure answers: the entries written and the lots they made or moved. */
export interface RecordedView {
  /** The seq of the first entry written (or of the first answer, for a replayed request). */
  seq: number;
  /** Hex leaf hashes of the entries written, in order. */
  leafHashes: string[];
  /** Lots created, with their label digest and URL path (`/l/{lot}?d={digest}`). */
  lots: { lotId: string; massG: number; labelDigest: string; labelPath: string }[];
  /** The dispatch id, for a dispatch. */
  dispatchId?: string;
  /** What the rules accepted but flagged (DOMAIN.md rules 3 and 5). */
  anomalies: AnomalyView[];
  /** True when an idempotency key matched an earlier request and nothing new was written. */
  replayed: boolean;
}

export const ANOMALY_KINDS = ['transit_discrepancy', 'high_melt_loss', 'yield_out_of_band'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export interface AnomalyView {
  seq: number;
  kind: AnomalyKind;
  site: string;
  lotId: string;
  expected: number;
  actual: number;
}

export const LOT_KINDS = ['scrap', 'product', 'byproduct'] as const;
export type LotKind = (typeof LOT_KINDS)[number];
export const LOT_STATES = ['on_hand', 'in_transit', 'consumed', 'shipped', 'utilised', 'disposed', 'voided'] as const;
export type LotState = (typeof LOT_STATES)[number];

export const LOT_STATE_NAMES: Record<LotState, { en: string; zh: string }> = {
  on_hand: { en: 'On hand', zh: '在库' },
  in_transit: { en: 'In transit', zh: '在途' },
  consumed: { en: 'Consumed', zh: '已投料' },
  shipped: { en: 'Shipped', zh: '已出售' },
  utilised: { en: 'Utilised', zh: '已利用' },
  disposed: { en: 'Disposed', zh: '已处置' },
  voided: { en: 'Voided (corrected)', zh: '已作废（更正）' },
};

export interface LotSummary {
  lotId: string;
  kind: LotKind;
  state: LotState;
  originSite: string;
  holder: string | null;
  transitTo: string | null;
  grade: string | null;
  family: string | null;
  sourceClass: SourceClass | null;
  alloy: string | null;
  form: ProductForm | null;
  byproductKind: ByproductKind | null;
  massG: number;
  balanceG: number;
  /** Recycled content (ISO 22095 mass balance), parts per million; the post-consumer part apart. */
  recycledPpm: number;
  postConsumerPpm: number;
  createdSeq: number;
  createdAt: string;
}

export interface LotEventView {
  seq: number;
  kind: string;
  action: string;
  site: string | null;
  massG: number;
  leafHash: string;
  recordedAt: string;
  /** The entry that declared it wrong, when one did. */
  correctedBy: number | null;
}

export interface LotView extends LotSummary {
  labelDigest: string;
  labelPath: string;
  hazardousWasteCode: string | null;
  /** Recycled content as grams of this lot: scrap-derived, and post-consumer of that. */
  recycledG: number;
  postConsumerG: number;
  events: LotEventView[];
  shippedTo: { buyer: string; chain: DownstreamChain; seq: number } | null;
  route: { route: ByproductRoute; seq: number } | null;
}

export const listLotsInput = z
  .object({
    site: siteCodeField.optional(),
    grade: catalogCode.optional(),
    family: z.enum(GRADE_FAMILIES).optional(),
    state: z.enum(LOT_STATES).optional(),
    kind: z.enum(LOT_KINDS).optional(),
    sourceClass: z.enum(SOURCE_CLASSES).optional(),
    /** Created on or after / before (ISO-8601 UTC). */
    from: instant.optional(),
    to: instant.optional(),
    /** A lot id or its beginning (e.g. PG01-2611). */
    q: z.string().trim().max(40).optional(),
    cursor: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ limit: 50 });

export interface LotPage {
  lots: LotSummary[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: number | null;
}

export const lotIdInput = z.object({ lotId });

export const incomingInput = z.object({ site: siteCodeField });

/** A dispatch on its way to a site, with the lots still to be received from it. */
export interface IncomingDispatchView {
  dispatchId: string;
  seq: number;
  fromSite: string;
  occurredAt: string;
  lots: { lot: LotSummary; dispatchedG: number }[];
}
