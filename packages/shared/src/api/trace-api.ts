// lots.trace: where a lot came from (backward, to every collection lot with
// the grams it contributed) and where it went (forward, to every lot that
// carries some of it, and the buyers and by-product routes at the end).
//
// The model (DOMAIN.md "Lots and labels", ISO 22095 mass balance): a run's
// output of mass m, from a run whose outputs and by-products total M,
// carries m/M of every input's consumed mass — the run_allocations rows, in
// integer grams. A lot's composition is what its allocation rows brought,
// each split among the composition of the input it came from in proportion
// (largest remainder, so every split adds up to the gram), plus its share of
// the run's non-scrap additions (primary aluminium, alloying elements, flux),
// kept in a bucket of their own so that primary metal is never credited to a
// collection lot in a later stage. Ties in a split go to the earlier
// collection lot (by ledger seq), the buckets first: the result is
// deterministic. Each figure is within a few grams of the exact rational
// value; the bound is derived in packages/server/src/domain/lots/trace.ts.
import { z } from 'zod';
import type { ByproductRoute, DownstreamChain, ProcessKind, SourceClass } from '../events/fields';
import { lotId } from '../events/fields';
import type { LotSummary } from './lifecycle-api';

export const TRACE_DIRECTIONS = ['backward', 'forward'] as const;
export type TraceDirection = (typeof TRACE_DIRECTIONS)[number];

export const traceInput = z.object({ lotId, direction: z.enum(TRACE_DIRECTIONS) });

/** A processing run the trace passed through. */
export interface TraceRun {
  seq: number;
  process: ProcessKind;
  site: string;
  occurredAt: string;
}

/** A collection lot upstream of the traced lot, with the grams of it the traced lot carries. */
export interface TraceSource {
  lotId: string;
  originSite: string;
  grade: string;
  sourceClass: SourceClass;
  /** When the collection was recorded. */
  createdAt: string;
  grams: number;
}

/**
 * One allocation row on the trace's way: the run recorded at runSeq consumed
 * consumedG of lot `lotId` into the lot this link hangs on (a ledger figure,
 * not rounded). Forward, carriedG of those grams are the traced lot's (the
 * node's carriedG is the sum of its links'); backward it is absent.
 */
export interface TraceLink {
  lotId: string;
  runSeq: number;
  consumedG: number;
  carriedG?: number;
}

/** A lot made by a run between the traced lot and its sources, with the links into it. */
export interface TraceMadeLot extends LotSummary {
  inputs: TraceLink[];
}

export interface BackwardTrace {
  direction: 'backward';
  lot: LotSummary;
  /**
   * Everything the lot's allocation rows carry: the sources, the additions
   * and the untraced grams add up to it exactly. A collection lot carries its
   * own net mass; a voided lot nothing.
   */
  totalG: number;
  /** Every collection lot it came from, in ledger order. */
  sources: TraceSource[];
  /** Post-consumer and pre-consumer grams apart (ISO 14021): never merged. */
  bySourceClass: Record<SourceClass, number>;
  byCollectionPoint: { site: string; lots: number; grams: number }[];
  /** Non-scrap additions (primary aluminium, alloying elements, flux) carried through the runs. */
  additionsG: number;
  /** Grams consumed from a lot whose own allocation rounded to nothing (a lot of a few grams): from no known source. */
  untracedG: number;
  /** The runs that made the lot and the lots it came from, in ledger order. */
  runs: TraceRun[];
  /**
   * The indented tree: the traced lot (when a run made it) and every lot made
   * on the way back to the sources, each with its inputs, in ledger order.
   * An input that is not here is a source (or a voided lot: nothing).
   */
  made: TraceMadeLot[];
}

/** Where material left the network: a shipment to a buyer or a by-product route. */
export interface TraceExit {
  seq: number;
  exit: 'shipped' | ByproductRoute;
  buyer: string | null;
  chain: DownstreamChain | null;
  /** The mass shipped or routed. */
  massG: number;
  occurredAt: string;
}

/** A lot downstream of the traced lot, with the grams of the traced lot it carries. */
export interface TraceReachedLot extends LotSummary {
  carriedG: number;
  exits: TraceExit[];
  /**
   * The links that brought it the traced lot's grams: from the traced lot or
   * a lot reached before it, each with the grams it carried (they add up to
   * carriedG). More than one when paths meet again in a later run.
   */
  parents: TraceLink[];
}

export interface ForwardTrace {
  direction: 'forward';
  lot: LotSummary;
  /** Grams of the lot consumed by runs: the direct outputs' carried grams add up to it exactly. */
  fedG: number;
  /** The lot's own shipment or by-product routes. */
  exits: TraceExit[];
  /** Every lot it reached, in ledger order, with its state (on hand, in transit, consumed, shipped …). */
  reached: TraceReachedLot[];
  /** Carried grams of the shipped lots (the lot's own shipment included), by buyer and downstream chain. */
  shipped: { buyer: string; chain: DownstreamChain; lots: number; grams: number }[];
  /** Carried grams of by-products, by route (a lot routed in parts shares them in proportion). */
  routed: { route: ByproductRoute; lots: number; grams: number }[];
  /** The runs it went through, in ledger order. */
  runs: TraceRun[];
}

export type LotTrace = BackwardTrace | ForwardTrace;
