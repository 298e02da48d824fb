// How every lifecycle procedure records: plan the entries inside the
// append's transaction (the rules read the state there, so concurrent
// requests are checked one after the other), append them with the caller's
// idempotency key, store their sealed values in the same transaction, and
// answer with the entries and the lots they made. A refusal anywhere rolls
// back all of it: entries, derived rows, sealed rows, idempotency record.
import type { JsonObject, JsonValue, RecordedView } from '@alutrace/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { perDatabase } from '../../db/per-database';
import { anomalies, lots } from '../../db/schema';
import type { AppendedEntry, NewEntry } from '../../ledger/types';
import type { Sealing } from '../../sealed/vault';
import type { Caller, LifecycleDeps } from './context';

/** One entry a plan produced, with what goes into the sealed table beside it. */
export interface Planned {
  entry: NewEntry;
  sealing: Sealing;
  /** The other site of the event, which may read its sealed values too. */
  counterpart: string | null;
  /** Seller ID numbers or credit codes to index. */
  searchIds: string[];
}

/**
 * Builds the entries from the state in the transaction. `stage` writes some
 * at once (and projects them), for a plan that builds on their effect.
 */
export type Plan = (db: AppDb, stage: (planned: Planned[]) => AppendedEntry[]) => Planned[];

export async function record(
  deps: LifecycleDeps,
  caller: Caller,
  request: { procedure: string; input: JsonValue; idempotencyKey?: string | undefined },
  plan: Plan,
): Promise<RecordedView> {
  const all: Planned[] = [];
  const result = await deps.ledger.appendAsync(
    (db, write) => {
      all.length = 0;
      const rest = plan(db, (planned) => {
        all.push(...planned);
        return write(planned.map((p) => p.entry));
      });
      all.push(...rest);
      return rest.map((p) => p.entry);
    },
    {
      ...(request.idempotencyKey !== undefined
        ? { idempotency: { scope: caller.scope, key: request.idempotencyKey } }
        : {}),
      // The fingerprint of "the same request" sees the sealed values only through a keyed digest.
      request: { procedure: request.procedure, input: withoutSealedValues(deps, request.input) },
      onAppended: (entries, db) => {
        entries.forEach((at, i) => {
          const p = all[i] as Planned;
          deps.vault.store(db, {
            seq: at.seq,
            kind: at.entry.kind,
            site: at.entry.site as string,
            counterpart: p.counterpart,
            recordedAt: at.entry.recordedAt,
            sealing: p.sealing,
            searchIds: p.searchIds,
          });
        });
        // The answer is rebuilt from the entries (first time and replay alike), so the
        // idempotency record stays a fingerprint and a seq range: fewer pages per record.
        return null;
      },
    },
  );
  return { ...recordedView(deps.ledger.db, result.entries), replayed: result.replayed };
}

const MADE = { lotId: lots.lotId, massG: lots.massG, labelDigest: lots.labelDigest };
const FLAGGED = {
  seq: anomalies.seq,
  kind: anomalies.kind,
  site: anomalies.site,
  lotId: anomalies.lotId,
  expected: anomalies.expected,
  actual: anomalies.actual,
};

// One entry per record is the common case: its look-ups are built once per database.
const queries = perDatabase((db) => ({
  made: db
    .select(MADE)
    .from(lots)
    .where(eq(lots.createdSeq, sql.placeholder('seq')))
    .orderBy(lots.lotId)
    .prepare(),
  flagged: db
    .select(FLAGGED)
    .from(anomalies)
    .where(eq(anomalies.seq, sql.placeholder('seq')))
    .prepare(),
}));

function recordedView(db: AppDb, entries: AppendedEntry[]): Omit<RecordedView, 'replayed'> {
  const seqs = entries.map((e) => e.seq);
  const single = seqs.length === 1 ? { seq: seqs[0] as number } : null;
  const made = single
    ? queries(db).made.all(single)
    : db.select(MADE).from(lots).where(inArray(lots.createdSeq, seqs)).orderBy(lots.createdSeq, lots.lotId).all();
  const flagged = single
    ? queries(db).flagged.all(single)
    : db.select(FLAGGED).from(anomalies).where(inArray(anomalies.seq, seqs)).all();
  const dispatch = entries.find((e) => e.entry.kind === 'lots.dispatched');
  const dispatchId = dispatch ? (dispatch.entry.body as { dispatchId?: string }).dispatchId : undefined;
  return {
    seq: seqs[0] as number,
    leafHashes: entries.map((e) => e.leafHash),
    lots: made.filter((l) => l.lotId).map((l) => ({ ...l, labelPath: `/l/${l.lotId}?d=${l.labelDigest}` })),
    ...(dispatchId ? { dispatchId } : {}),
    anomalies: flagged,
  };
}

function withoutSealedValues(deps: LifecycleDeps, input: JsonValue): JsonValue {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const digest = (v: JsonValue | undefined) => (v === undefined ? null : deps.vault.keyedDigest(v));
  const replacement = input.replacement as { input?: { sealed?: JsonValue } } | undefined;
  return {
    ...input,
    sealed: digest(input.sealed),
    ...(replacement?.input
      ? { replacement: { ...replacement, input: { ...replacement.input, sealed: digest(replacement.input.sealed) } } }
      : {}),
  } as JsonValue;
}

/** Sealed values as a JSON object: zod's optional keys left out, not undefined. */
export function sealedJson(fields: object): JsonObject {
  return JSON.parse(JSON.stringify(fields)) as JsonObject;
}
