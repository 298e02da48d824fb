// The ledger's domain vocabulary: one entry kind per event, each with the
// schema of its public body and of its sealed fields (kept apart, see
// sealed.ts). The server validates every append against these, and every
// reader — the server's projections, the browser, the offline verifier —
// reads bodies through them rather than trusting their shape.
import type { z } from 'zod';
import { ANOMALY_THRESHOLDS_SET, anomalyThresholdsBody } from './anomaly-thresholds-set';
import { BYPRODUCT_UTILISED, byproductUtilisedBody, byproductUtilisedSealed } from './byproduct-utilised';
import { COLLECTION_RECORDED, collectionRecordedBody, collectionRecordedSealed } from './collection-recorded';
import { CORRECTION_RECORDED, correctionRecordedBody, correctionRecordedSealed } from './correction-recorded';
import { EMISSION_FACTORS_DEFINED, emissionFactorsDefinedBody } from './emission-factors-defined';
import { ALLOY_DEFINED, alloyDefinedBody, GRADE_DEFINED, gradeDefinedBody } from './grade-defined';
import {
  INCENTIVE_SCHEME_DEFINED,
  INCENTIVE_STATEMENT_ISSUED,
  incentiveSchemeDefinedBody,
  incentiveStatementIssuedBody,
} from './incentives';
import { LOTS_DISPATCHED, lotsDispatchedBody, lotsDispatchedSealed } from './lots-dispatched';
import { LOTS_RECEIVED, lotsReceivedBody, lotsReceivedSealed } from './lots-received';
import { PROCESSING_RECORDED, processingRecordedBody, processingRecordedSealed } from './processing-recorded';
import { PRODUCT_SHIPPED, productShippedBody, productShippedSealed } from './product-shipped';
import { TARGET_DEFINED, targetDefinedBody } from './target-defined';

export const EVENT_SCHEMAS = {
  [GRADE_DEFINED]: { body: gradeDefinedBody, sealed: null },
  [ALLOY_DEFINED]: { body: alloyDefinedBody, sealed: null },
  [COLLECTION_RECORDED]: { body: collectionRecordedBody, sealed: collectionRecordedSealed },
  [LOTS_DISPATCHED]: { body: lotsDispatchedBody, sealed: lotsDispatchedSealed },
  [LOTS_RECEIVED]: { body: lotsReceivedBody, sealed: lotsReceivedSealed },
  [PROCESSING_RECORDED]: { body: processingRecordedBody, sealed: processingRecordedSealed },
  [BYPRODUCT_UTILISED]: { body: byproductUtilisedBody, sealed: byproductUtilisedSealed },
  [PRODUCT_SHIPPED]: { body: productShippedBody, sealed: productShippedSealed },
  [CORRECTION_RECORDED]: { body: correctionRecordedBody, sealed: correctionRecordedSealed },
  [INCENTIVE_SCHEME_DEFINED]: { body: incentiveSchemeDefinedBody, sealed: null },
  [INCENTIVE_STATEMENT_ISSUED]: { body: incentiveStatementIssuedBody, sealed: null },
  [EMISSION_FACTORS_DEFINED]: { body: emissionFactorsDefinedBody, sealed: null },
  [ANOMALY_THRESHOLDS_SET]: { body: anomalyThresholdsBody, sealed: null },
  [TARGET_DEFINED]: { body: targetDefinedBody, sealed: null },
} as const;

export type DomainEventKind = keyof typeof EVENT_SCHEMAS;
export type EventBody<K extends DomainEventKind> = z.output<(typeof EVENT_SCHEMAS)[K]['body']>;
export type SealedFields<K extends DomainEventKind> = (typeof EVENT_SCHEMAS)[K]['sealed'] extends z.ZodType
  ? z.output<NonNullable<(typeof EVENT_SCHEMAS)[K]['sealed']>>
  : never;

/** A domain event as read from an entry: its kind narrows its body. */
export type DomainEvent = { [K in DomainEventKind]: { kind: K; body: EventBody<K> } }[DomainEventKind];

export function isDomainEventKind(kind: string): kind is DomainEventKind {
  return Object.hasOwn(EVENT_SCHEMAS, kind);
}

type Reader<K extends DomainEventKind> = (body: unknown) => Extract<DomainEvent, { kind: K }>;

// One reader per kind, so that each body is typed by the schema that parsed it (no casts).
const READERS: { [K in DomainEventKind]: Reader<K> } = {
  [GRADE_DEFINED]: (b) => ({ kind: GRADE_DEFINED, body: gradeDefinedBody.parse(b) }),
  [ALLOY_DEFINED]: (b) => ({ kind: ALLOY_DEFINED, body: alloyDefinedBody.parse(b) }),
  [COLLECTION_RECORDED]: (b) => ({ kind: COLLECTION_RECORDED, body: collectionRecordedBody.parse(b) }),
  [LOTS_DISPATCHED]: (b) => ({ kind: LOTS_DISPATCHED, body: lotsDispatchedBody.parse(b) }),
  [LOTS_RECEIVED]: (b) => ({ kind: LOTS_RECEIVED, body: lotsReceivedBody.parse(b) }),
  [PROCESSING_RECORDED]: (b) => ({ kind: PROCESSING_RECORDED, body: processingRecordedBody.parse(b) }),
  [BYPRODUCT_UTILISED]: (b) => ({ kind: BYPRODUCT_UTILISED, body: byproductUtilisedBody.parse(b) }),
  [PRODUCT_SHIPPED]: (b) => ({ kind: PRODUCT_SHIPPED, body: productShippedBody.parse(b) }),
  [CORRECTION_RECORDED]: (b) => ({ kind: CORRECTION_RECORDED, body: correctionRecordedBody.parse(b) }),
  [INCENTIVE_SCHEME_DEFINED]: (b) => ({ kind: INCENTIVE_SCHEME_DEFINED, body: incentiveSchemeDefinedBody.parse(b) }),
  [INCENTIVE_STATEMENT_ISSUED]: (b) => ({
    kind: INCENTIVE_STATEMENT_ISSUED,
    body: incentiveStatementIssuedBody.parse(b),
  }),
  [EMISSION_FACTORS_DEFINED]: (b) => ({
    kind: EMISSION_FACTORS_DEFINED,
    body: emissionFactorsDefinedBody.parse(b),
  }),
  [ANOMALY_THRESHOLDS_SET]: (b) => ({ kind: ANOMALY_THRESHOLDS_SET, body: anomalyThresholdsBody.parse(b) }),
  [TARGET_DEFINED]: (b) => ({ kind: TARGET_DEFINED, body: targetDefinedBody.parse(b) }),
};

/**
 * Reads an entry's body through its kind's schema; null for kinds that are
 * not domain events (accounts, sites), which have their own readers. Throws
 * a ZodError when a domain event's body does not have its kind's shape.
 */
export function readDomainEvent(entry: { kind: string; body: unknown }): DomainEvent | null {
  return isDomainEventKind(entry.kind) ? READERS[entry.kind](entry.body) : null;
}

export * from './anomaly-thresholds-set';
export * from './byproduct-utilised';
export * from './collection-recorded';
export * from './correction-recorded';
export * from './emission-factors-defined';
export * from './fields';
export * from './grade-defined';
export * from './incentives';
export * from './lots-dispatched';
export * from './lots-received';
export * from './processing-recorded';
export * from './product-shipped';
export * from './sealed';
export * from './target-defined';
