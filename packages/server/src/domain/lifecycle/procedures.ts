// The lifecycle procedures: one per event kind, each a plan recorded
// through `record` (record.ts). Async, with narrow dependencies.
import type {
  dispatchLotsInput,
  JsonValue,
  RecordedView,
  receiveLotsInput,
  recordCollectionInput,
  recordCorrectionInput,
  recordProcessingInput,
  recordShipmentInput,
  utiliseByproductInput,
} from '@alutrace/shared';
import type { z } from 'zod';
import type { Caller, LifecycleDeps } from './context';
import { planCorrection } from './correct';
import {
  type PlanContext,
  planByproduct,
  planCollection,
  planDispatch,
  planProcessing,
  planReceipt,
  planShipment,
} from './plans';
import { record } from './record';

type In<S extends z.ZodType> = z.output<S>;

function context(deps: LifecycleDeps, caller: Caller, site: string): PlanContext {
  return { vault: deps.vault, rules: deps.rules, actor: caller.actor, site, now: deps.now() };
}

function request(procedure: string, input: { idempotencyKey?: string | undefined }) {
  return { procedure, input: input as unknown as JsonValue, idempotencyKey: input.idempotencyKey };
}

export function recordCollection(
  deps: LifecycleDeps,
  caller: Caller,
  input: In<typeof recordCollectionInput>,
): Promise<RecordedView> {
  return record(deps, caller, request('collection.record', input), (db) => [
    planCollection(db, context(deps, caller, input.site), input),
  ]);
}

export function dispatchLots(
  deps: LifecycleDeps,
  caller: Caller,
  input: In<typeof dispatchLotsInput>,
): Promise<RecordedView> {
  return record(deps, caller, request('transfers.dispatch', input), (db) => [
    planDispatch(db, context(deps, caller, input.site), input),
  ]);
}

export function receiveLots(
  deps: LifecycleDeps,
  caller: Caller,
  input: In<typeof receiveLotsInput>,
): Promise<RecordedView> {
  return record(deps, caller, request('transfers.receive', input), (db) => [
    planReceipt(db, context(deps, caller, input.site), input),
  ]);
}

export function recordProcessing(
  deps: LifecycleDeps,
  caller: Caller,
  input: In<typeof recordProcessingInput>,
): Promise<RecordedView> {
  return record(deps, caller, request('processing.record', input), (db) => [
    planProcessing(db, context(deps, caller, input.site), input),
  ]);
}

export function utiliseByproduct(
  deps: LifecycleDeps,
  caller: Caller,
  input: In<typeof utiliseByproductInput>,
): Promise<RecordedView> {
  return record(deps, caller, request('byproducts.utilise', input), (db) => [
    planByproduct(db, context(deps, caller, input.site), input),
  ]);
}

export function recordShipment(
  deps: LifecycleDeps,
  caller: Caller,
  input: In<typeof recordShipmentInput>,
): Promise<RecordedView> {
  return record(deps, caller, request('shipments.record', input), (db) => [
    planShipment(db, context(deps, caller, input.site), input),
  ]);
}

export function recordCorrection(
  deps: LifecycleDeps,
  caller: Caller,
  input: In<typeof recordCorrectionInput>,
): Promise<RecordedView> {
  return record(deps, caller, request('corrections.record', input), (db, stage) =>
    planCorrection(db, context(deps, caller, input.site), caller.isAdmin, input, stage),
  );
}
