// One plan per event kind: checks the rules against the state in the
// transaction and builds the entry. The procedures (procedures.ts) and the
// corrected event of a correction (correct.ts) use the same plans.

import { randomUUID } from 'node:crypto';
import type {
  Actor,
  dispatchLotsInput,
  receiveLotsInput,
  recordCollectionInput,
  recordProcessingInput,
  recordShipmentInput,
  utiliseByproductInput,
} from '@alutrace/shared';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '../../db/open-database';
import { dispatches, dispatchLots } from '../../db/schema';
import { AppError } from '../../errors';
import type { SealedVault } from '../../sealed/vault';
import type { LifecycleRules } from './context';
import {
  type LotRow,
  nextLotIds,
  requireAlloy,
  requireBalance,
  requireGrade,
  requireHeld,
  requireLots,
  requireSite,
} from './lot-rows';
import type { Planned } from './record';
import { sealedJson } from './record';
import { checkDistinct, checkMass, checkRunBalance, checkWeighing } from './rules';

/** Where and when a plan records, and for whom. */
export interface PlanContext {
  vault: SealedVault;
  rules: LifecycleRules;
  actor: Actor;
  site: string;
  now: Date;
}

type Without<T> = Omit<T, 'site' | 'idempotencyKey'>;
export type CollectionInput = Without<z.output<typeof recordCollectionInput>>;
export type DispatchInput = Without<z.output<typeof dispatchLotsInput>>;
export type ReceiptInput = Without<z.output<typeof receiveLotsInput>>;
export type ProcessingInput = Without<z.output<typeof recordProcessingInput>>;
export type ByproductInput = Without<z.output<typeof utiliseByproductInput>>;
export type ShipmentInput = Without<z.output<typeof recordShipmentInput>>;

/** A device's clock may run a little fast; more than this is a wrong clock, not a late entry. */
const CLOCK_SLACK_MS = 10 * 60_000;

/** Rule 2 for the lots an event takes: each listed once, known, its mass in range, held by `site`. */
function heldLots(
  db: AppDb,
  site: string,
  items: readonly { lotId: string; massG: number }[],
  field: (index: number) => string,
): LotRow[] {
  checkDistinct(items.map((x) => x.lotId));
  const rows = requireLots(
    db,
    items.map((x) => x.lotId),
  );
  items.forEach((x, i) => {
    checkMass(field(i), x.massG);
    requireHeld(rows[i] as LotRow, site);
  });
  return rows;
}

function when(ctx: PlanContext, occurredAt: string | undefined): string {
  if (occurredAt === undefined) return ctx.now.toISOString();
  if (Date.parse(occurredAt) > ctx.now.getTime() + CLOCK_SLACK_MS) {
    throw new AppError('OCCURRED_IN_FUTURE', { at: occurredAt, now: ctx.now.toISOString() });
  }
  return occurredAt;
}

export function planCollection(db: AppDb, ctx: PlanContext, input: CollectionInput): Planned {
  requireSite(db, ctx.site, ['collection_point']);
  const grade = requireGrade(db, input.grade);
  checkWeighing(input);
  const [lotId] = nextLotIds(db, ctx.site, ctx.now, 1) as [string];
  const sealing = ctx.vault.seal(sealedJson(input.sealed));
  const seller = input.sealed.seller;
  return {
    entry: {
      kind: 'collection.recorded',
      site: ctx.site,
      actor: ctx.actor,
      occurredAt: when(ctx, input.occurredAt),
      body: {
        lotId,
        grade: grade.code,
        sourceClass: input.sourceClass ?? grade.defaultSourceClass,
        grossG: input.grossG,
        tareG: input.tareG,
        deductionG: input.deductionG,
        netG: input.netG,
        photoHashes: input.photoHashes,
        sealed: sealing.commitment,
      },
    },
    sealing,
    counterpart: null,
    searchIds: [seller.kind === 'individual' ? seller.residentId : seller.creditCode],
  };
}

export function planDispatch(db: AppDb, ctx: PlanContext, input: DispatchInput): Planned {
  const from = requireSite(db, ctx.site, ['collection_point', 'recycler']);
  const to = requireSite(db, input.to, ['recycler', 'utiliser']);
  if (to.code === from.code) throw new AppError('SAME_SITE', { site: from.code });
  const rows = heldLots(db, from.code, input.lots, (i) => `lots[${i}].massG`);
  input.lots.forEach((l, i) => {
    const lot = rows[i] as LotRow;
    // Whole lots only: a lot is split by a sorting run.
    if (l.massG !== lot.balanceG) {
      throw new AppError('DISPATCH_NOT_WHOLE', { lot: lot.lotId, balance: lot.balanceG, requested: l.massG });
    }
    const wanted = lot.kind === 'byproduct' ? 'utiliser' : 'recycler';
    if (to.kind !== wanted && !(lot.kind === 'byproduct' && to.kind === 'recycler')) {
      throw new AppError('SITE_KIND_WRONG', { site: to.code, kind: to.kind, kinds: wanted });
    }
  });
  const sealing = ctx.vault.seal(sealedJson(input.sealed));
  return {
    entry: {
      kind: 'lots.dispatched',
      site: from.code,
      actor: ctx.actor,
      occurredAt: when(ctx, input.occurredAt),
      body: {
        dispatchId: randomUUID(),
        to: to.code,
        lots: input.lots.map((l) => ({ lotId: l.lotId, massG: l.massG })),
        sealed: sealing.commitment,
      },
    },
    sealing,
    counterpart: to.code,
    searchIds: [],
  };
}

export function planReceipt(db: AppDb, ctx: PlanContext, input: ReceiptInput): Planned {
  requireSite(db, ctx.site, ['recycler', 'utiliser']);
  const dispatch = db.select().from(dispatches).where(eq(dispatches.dispatchId, input.dispatchId)).get();
  if (!dispatch || dispatch.voided) throw new AppError('DISPATCH_UNKNOWN', { dispatch: input.dispatchId });
  if (dispatch.toSite !== ctx.site) {
    throw new AppError('DISPATCH_NOT_FOR_SITE', { dispatch: input.dispatchId, to: dispatch.toSite, site: ctx.site });
  }
  checkDistinct(input.lots.map((l) => l.lotId));
  input.lots.forEach((l, i) => {
    checkMass(`lots[${i}].receivedG`, l.receivedG);
    const sent = db
      .select()
      .from(dispatchLots)
      .where(and(eq(dispatchLots.dispatchId, input.dispatchId), eq(dispatchLots.lotId, l.lotId)))
      .get();
    if (!sent) throw new AppError('LOT_NOT_DISPATCHED', { lot: l.lotId, dispatch: input.dispatchId });
    if (sent.receivedSeq !== null) {
      throw new AppError('LOT_ALREADY_RECEIVED', { lot: l.lotId, dispatch: input.dispatchId, seq: sent.receivedSeq });
    }
  });
  const sealing = ctx.vault.seal(sealedJson(input.sealed));
  return {
    entry: {
      kind: 'lots.received',
      site: ctx.site,
      actor: ctx.actor,
      occurredAt: when(ctx, input.occurredAt),
      body: {
        dispatchId: input.dispatchId,
        lots: input.lots.map((l) => ({ lotId: l.lotId, receivedG: l.receivedG })),
        tolerancePct: ctx.rules.transitTolerancePct,
        sealed: sealing.commitment,
      },
    },
    sealing,
    counterpart: dispatch.fromSite,
    searchIds: [],
  };
}

export function planProcessing(db: AppDb, ctx: PlanContext, input: ProcessingInput): Planned {
  requireSite(db, ctx.site, ['recycler']);
  const drawn = input.inputs.map((i) => ({ lotId: i.lotId, massG: i.consumedG }));
  const rows = heldLots(db, ctx.site, drawn, (k) => `inputs[${k}].consumedG`);
  input.inputs.forEach((i, k) => {
    requireBalance(rows[k] as LotRow, i.consumedG);
  });
  input.additions.forEach((a, k) => {
    checkMass(`additions[${k}].massG`, a.massG);
  });
  if (input.outputs.length + input.byproducts.length === 0) throw new AppError('RUN_EMPTY');
  input.outputs.forEach((o, k) => {
    checkMass(`outputs[${k}].massG`, o.massG);
    if (o.form === 'sorted_scrap') {
      if (o.grade === null)
        throw new AppError('OUTPUT_KIND_MISSING', { index: k, detail: 'sorted or shredded scrap needs its grade' });
      requireGrade(db, o.grade);
    } else {
      if (o.alloy === null) throw new AppError('OUTPUT_KIND_MISSING', { index: k, detail: 'metal needs its alloy' });
      requireAlloy(db, o.alloy);
    }
  });
  input.byproducts.forEach((b, k) => {
    checkMass(`byproducts[${k}].massG`, b.massG);
  });
  const sum = (xs: { massG: number }[]) => xs.reduce((s, x) => s + x.massG, 0);
  checkRunBalance({
    consumedG: input.inputs.reduce((s, i) => s + i.consumedG, 0),
    additionsG: sum(input.additions),
    outputG: sum(input.outputs),
    byproductG: sum(input.byproducts),
  });
  const ids = nextLotIds(db, ctx.site, ctx.now, input.outputs.length + input.byproducts.length);
  const sealing = ctx.vault.seal(sealedJson(input.sealed));
  return {
    entry: {
      kind: 'processing.recorded',
      site: ctx.site,
      actor: ctx.actor,
      occurredAt: when(ctx, input.occurredAt),
      body: {
        runId: randomUUID(),
        process: input.process,
        inputs: input.inputs.map((i) => ({ lotId: i.lotId, consumedG: i.consumedG })),
        additions: input.additions.map((a) => ({ kind: a.kind, massG: a.massG })),
        outputs: input.outputs.map((o, k) => ({
          lotId: ids[k] as string,
          form: o.form,
          grade: o.form === 'sorted_scrap' ? o.grade : null,
          alloy: o.form === 'sorted_scrap' ? null : o.alloy,
          massG: o.massG,
        })),
        byproducts: input.byproducts.map((b, k) => ({
          lotId: ids[input.outputs.length + k] as string,
          kind: b.kind,
          massG: b.massG,
          hazardousWasteCode: b.hazardousWasteCode,
        })),
        lossFlagPct: ctx.rules.meltLossFlagPct,
        sealed: sealing.commitment,
      },
    },
    sealing,
    counterpart: null,
    searchIds: [],
  };
}

export function planByproduct(db: AppDb, ctx: PlanContext, input: ByproductInput): Planned {
  requireSite(db, ctx.site, ['recycler', 'utiliser']);
  const [lot] = requireLots(db, [input.lotId]) as [ReturnType<typeof requireLots>[number]];
  checkMass('massG', input.massG);
  if (lot.kind !== 'byproduct') throw new AppError('LOT_NOT_BYPRODUCT', { lot: lot.lotId });
  requireHeld(lot, ctx.site);
  requireBalance(lot, input.massG);
  const sealing = ctx.vault.seal(sealedJson(input.sealed));
  return {
    entry: {
      kind: 'byproduct.utilised',
      site: ctx.site,
      actor: ctx.actor,
      occurredAt: when(ctx, input.occurredAt),
      body: {
        lotId: lot.lotId,
        route: input.route,
        massG: input.massG,
        manifestNumber: input.manifestNumber,
        sealed: sealing.commitment,
      },
    },
    sealing,
    counterpart: null,
    searchIds: [],
  };
}

export function planShipment(db: AppDb, ctx: PlanContext, input: ShipmentInput): Planned {
  requireSite(db, ctx.site, ['recycler']);
  const buyer = requireSite(db, input.buyer, ['buyer']);
  const [lot] = requireLots(db, [input.lotId]) as [ReturnType<typeof requireLots>[number]];
  checkMass('massG', input.massG);
  if (lot.kind !== 'product') throw new AppError('LOT_NOT_SHIPPABLE', { lot: lot.lotId, kind: lot.kind });
  requireHeld(lot, ctx.site);
  if (input.massG !== lot.balanceG) {
    throw new AppError('SHIPMENT_NOT_WHOLE', { lot: lot.lotId, balance: lot.balanceG, requested: input.massG });
  }
  const sealing = ctx.vault.seal(sealedJson(input.sealed));
  return {
    entry: {
      kind: 'product.shipped',
      site: ctx.site,
      actor: ctx.actor,
      occurredAt: when(ctx, input.occurredAt),
      body: { lotId: lot.lotId, buyer: buyer.code, chain: input.chain, massG: input.massG, sealed: sealing.commitment },
    },
    sealing,
    counterpart: buyer.code,
    searchIds: [],
  };
}
