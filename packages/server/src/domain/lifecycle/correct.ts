// A correction declares an earlier entry wrong (EPCIS errorDeclaration) and
// may carry the corrected event, recorded right after it in the same
// transaction and checked by the same rules against the state with the
// target undone. Refused with CORRECTION_CONFLICT, naming the later entries
// to correct first, where undoing the target would break what came after.
import { readDomainEvent, type recordCorrectionInput } from '@alutrace/shared';
import { and, eq, gt, inArray, notInArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDb } from '../../db/open-database';
import { corrections, ledgerEntries, lotEvents } from '../../db/schema';
import { AppError } from '../../errors';
import type { AppendedEntry } from '../../ledger/types';
import {
  type PlanContext,
  planByproduct,
  planCollection,
  planDispatch,
  planProcessing,
  planReceipt,
  planShipment,
} from './plans';
import { type Planned, sealedJson } from './record';

export type CorrectionInput = Omit<z.output<typeof recordCorrectionInput>, 'site' | 'idempotencyKey'>;

const CORRECTABLE = new Set([
  'collection.recorded',
  'lots.dispatched',
  'lots.received',
  'processing.recorded',
  'byproduct.utilised',
  'product.shipped',
]);

/** What undoing a correction leaves alone: the lot actions of corrections themselves. */
const UNDO_ACTIONS = ['voided', 'restored'];

export function planCorrection(
  db: AppDb,
  ctx: PlanContext,
  isAdmin: boolean,
  input: CorrectionInput,
  stage: (planned: Planned[]) => AppendedEntry[],
): Planned[] {
  const target = db
    .select({
      seq: ledgerEntries.seq,
      kind: ledgerEntries.kind,
      site: ledgerEntries.site,
      actorId: ledgerEntries.actorId,
      leafHash: ledgerEntries.leafHash,
      canonical: ledgerEntries.canonical,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.seq, input.targetSeq))
    .get();
  if (!target) throw new AppError('NOT_FOUND', { what: 'ledger entry', id: String(input.targetSeq) });
  const leafHash = target.leafHash.toString('hex');
  if (leafHash !== input.targetLeafHash) {
    throw new AppError('CORRECTION_TARGET_MISMATCH', {
      seq: target.seq,
      actual: leafHash,
      given: input.targetLeafHash,
    });
  }
  if (!CORRECTABLE.has(target.kind))
    throw new AppError('CORRECTION_TARGET_INVALID', { seq: target.seq, kind: target.kind });
  const done = db.select().from(corrections).where(eq(corrections.targetSeq, target.seq)).get();
  if (done) throw new AppError('ALREADY_CORRECTED', { seq: target.seq, by: done.correctionSeq });
  if (target.site !== ctx.site) {
    throw new AppError('CORRECTION_SITE_MISMATCH', { seq: target.seq, actual: target.site ?? '—', site: ctx.site });
  }
  if (!isAdmin && target.actorId !== ctx.actor.id) throw new AppError('CORRECTION_NOT_AUTHOR', { seq: target.seq });
  const later = laterEvents(db, target.seq);
  if (later.length > 0) throw new AppError('CORRECTION_CONFLICT', { seq: target.seq, later: later.join(', ') });
  if (input.replacement && input.replacement.kind !== target.kind) {
    throw new AppError('REPLACEMENT_KIND_MISMATCH', { seq: target.seq, kind: target.kind });
  }
  // The target parsed through its schema: a malformed one would have been refused when written.
  readDomainEvent(JSON.parse(target.canonical.toString('utf8')) as { kind: string; body: unknown });

  const sealing = ctx.vault.seal(sealedJson(input.sealed));
  const correction: Planned = {
    entry: {
      kind: 'correction.recorded',
      site: ctx.site,
      actor: ctx.actor,
      body: {
        targetSeq: target.seq,
        targetLeafHash: leafHash,
        reason: input.reason,
        withReplacement: input.replacement !== undefined,
        sealed: sealing.commitment,
      },
    },
    sealing,
    counterpart: null,
    searchIds: [],
  };
  if (!input.replacement) return [correction];
  stage([correction]);
  return [planReplacement(db, ctx, input.replacement)];
}

function planReplacement(db: AppDb, ctx: PlanContext, r: NonNullable<CorrectionInput['replacement']>): Planned {
  switch (r.kind) {
    case 'collection.recorded':
      return planCollection(db, ctx, r.input);
    case 'lots.dispatched':
      return planDispatch(db, ctx, r.input);
    case 'lots.received':
      return planReceipt(db, ctx, r.input);
    case 'processing.recorded':
      return planProcessing(db, ctx, r.input);
    case 'byproduct.utilised':
      return planByproduct(db, ctx, r.input);
    case 'product.shipped':
      return planShipment(db, ctx, r.input);
  }
}

/**
 * Actions that draw part of a lot's balance: a later draw on the same lot
 * does not rest on an earlier one (undoing the earlier only adds back what
 * it took), so it does not block its correction.
 */
const DRAWS = new Set(['consumed', 'aluminium_recovery', 'cement_refractory', 'disposal']);

/** The entries after `seq` that still count and touch a lot the target touched, latest first. */
function laterEvents(db: AppDb, seq: number): number[] {
  const touched = db
    .select({ lotId: lotEvents.lotId, action: lotEvents.action })
    .from(lotEvents)
    .where(eq(lotEvents.seq, seq))
    .all();
  if (touched.length === 0) return [];
  const corrected = db.select({ seq: corrections.targetSeq }).from(corrections);
  const rows = db
    .select({ seq: lotEvents.seq, lotId: lotEvents.lotId, action: lotEvents.action })
    .from(lotEvents)
    .where(
      and(
        inArray(
          lotEvents.lotId,
          touched.map((t) => t.lotId),
        ),
        gt(lotEvents.seq, seq),
        notInArray(lotEvents.action, UNDO_ACTIONS),
        notInArray(lotEvents.seq, corrected),
      ),
    )
    .all();
  const drawn = new Set(touched.filter((t) => DRAWS.has(t.action)).map((t) => t.lotId));
  const blocking = rows.filter((r) => !(drawn.has(r.lotId) && DRAWS.has(r.action)));
  return [...new Set(blocking.map((r) => r.seq))].sort((a, b) => b - a);
}
