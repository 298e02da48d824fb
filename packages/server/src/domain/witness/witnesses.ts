// Officials' witness keys and their cosignatures on the server's signed
// checkpoints (C2SP tlog-cosignature v1). Operational records beside the
// ledger: a cosignature is about the ledger, so it cannot be in it. Each one
// is checked before it is stored (it verifies, its key is the caller's, it
// names a checkpoint this server signed, byte for byte), and a refusal
// stores nothing.
import {
  addCosignatures,
  bytesToHex,
  type CosignatureView,
  type CosignedCheckpointView,
  type CosignResult,
  type cosignInput,
  formatCosignerKey,
  NoteError,
  noteBody,
  parseCheckpointText,
  parseCosignatureLine,
  parseCosignerKey,
  type registerWitnessInput,
  verifyCosignatureLine,
  type WitnessLatestView,
  type WitnessView,
} from '@alutrace/shared';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { AppDb } from '../../db/open-database';
import { cosignatures, witnessKeys } from '../../db/schema';
import { AppError } from '../../errors';
import type { CheckpointView } from '../../ledger/types';

/** What the witness functions need of the app. */
export interface WitnessDeps {
  db: AppDb;
  checkpointAt: (treeSize: number) => CheckpointView | null;
  head: () => CheckpointView | null;
  origin: string;
  verifierKey: string;
  now: () => Date;
}

/** How far ahead of the server's clock a cosignature's time may be. */
const FUTURE_TOLERANCE_S = 600;

type WitnessRow = typeof witnessKeys.$inferSelect;

function keyOf(text: string) {
  try {
    return parseCosignerKey(text);
  } catch (e) {
    throw new AppError('WITNESS_KEY_INVALID', { detail: e instanceof NoteError ? e.message : 'unreadable' });
  }
}

/** Registers the caller's witness key; registering the same key again returns it unchanged. */
export function registerWitness(
  deps: Pick<WitnessDeps, 'db' | 'now'>,
  owner: string,
  input: z.output<typeof registerWitnessInput>,
): WitnessView {
  const key = keyOf(input.vkey);
  if (key.name !== input.name) {
    throw new AppError('WITNESS_KEY_INVALID', { detail: `the key is named "${key.name}", not "${input.name}"` });
  }
  const vkey = formatCosignerKey(key);
  const keyId = bytesToHex(key.keyId);
  return deps.db.transaction((tx) => {
    const existing = tx
      .select()
      .from(witnessKeys)
      .where(and(eq(witnessKeys.name, key.name), eq(witnessKeys.keyId, keyId)))
      .get();
    if (existing) {
      if (existing.owner !== owner || existing.vkey !== vkey) {
        throw new AppError('WITNESS_KEY_TAKEN', { name: key.name, keyId });
      }
      return witnessView(tx as unknown as AppDb, existing, owner);
    }
    const row: WitnessRow = {
      id: uuidv7(),
      owner,
      name: key.name,
      keyId,
      vkey,
      createdAt: deps.now().toISOString(),
    };
    tx.insert(witnessKeys).values(row).run();
    return witnessView(tx as unknown as AppDb, row, owner);
  });
}

function witnessView(db: AppDb, row: WitnessRow, caller: string | null): WitnessView {
  const latest = db
    .select()
    .from(cosignatures)
    .where(eq(cosignatures.witnessId, row.id))
    .orderBy(desc(cosignatures.treeSize))
    .limit(1)
    .get();
  const count = db
    .select({ n: sql<number>`count(*)` })
    .from(cosignatures)
    .where(eq(cosignatures.witnessId, row.id))
    .get();
  return {
    name: row.name,
    keyId: row.keyId,
    vkey: row.vkey,
    registeredAt: row.createdAt,
    mine: caller !== null && row.owner === caller,
    latest: latest ? { treeSize: latest.treeSize, timestamp: latest.timestamp, cosignedAt: latest.receivedAt } : null,
    cosignatures: count?.n ?? 0,
  };
}

/** Every registered witness key, oldest first, with its latest cosignature. Public. */
export function listWitnesses(deps: Pick<WitnessDeps, 'db'>, caller: string | null): WitnessView[] {
  return deps.db
    .select()
    .from(witnessKeys)
    .orderBy(asc(witnessKeys.createdAt), asc(witnessKeys.id))
    .all()
    .map((r) => witnessView(deps.db, r, caller));
}

/** Stores a cosignature after checking it; a second one by the same witness on the same tree size changes nothing. */
export function storeCosignature(deps: WitnessDeps, owner: string, input: z.output<typeof cosignInput>): CosignResult {
  const body = input.checkpoint.includes('\n\n') ? safeBody(input.checkpoint) : input.checkpoint;
  let line: ReturnType<typeof parseCosignatureLine>;
  try {
    line = parseCosignatureLine(input.cosignature);
  } catch (e) {
    throw new AppError('COSIGNATURE_INVALID', { detail: e instanceof NoteError ? e.message : 'unreadable line' });
  }
  const keyId = bytesToHex(line.keyId);
  const witness = deps.db
    .select()
    .from(witnessKeys)
    .where(and(eq(witnessKeys.name, line.name), eq(witnessKeys.keyId, keyId)))
    .get();
  if (!witness || witness.owner !== owner) throw new AppError('WITNESS_NOT_REGISTERED', { name: line.name, keyId });
  let timestamp: number;
  try {
    timestamp = verifyCosignatureLine(body, input.cosignature, keyOf(witness.vkey));
  } catch (e) {
    throw new AppError('COSIGNATURE_INVALID', { detail: e instanceof NoteError ? e.message : 'does not verify' });
  }
  if (timestamp > deps.now().getTime() / 1000 + FUTURE_TOLERANCE_S) {
    throw new AppError('COSIGNATURE_IN_FUTURE', { timestamp: new Date(timestamp * 1000).toISOString() });
  }
  // The body must be, byte for byte, the text of a checkpoint this server signed.
  let size: number;
  try {
    const cp = parseCheckpointText(body);
    size = cp.size;
    if (cp.origin !== deps.origin) {
      throw new AppError('CHECKPOINT_NOT_SIGNED', {
        size,
        detail: `it is for log "${cp.origin}", not "${deps.origin}"`,
      });
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('CHECKPOINT_NOT_SIGNED', {
      size: '?',
      detail: e instanceof NoteError ? e.message : 'unreadable',
    });
  }
  const signed = deps.checkpointAt(size);
  if (!signed) throw new AppError('CHECKPOINT_NOT_SIGNED', { size, detail: 'no checkpoint of that size was signed' });
  if (noteBody(signed.note) !== body) {
    throw new AppError('CHECKPOINT_NOT_SIGNED', {
      size,
      detail: 'the root or text differs from the checkpoint of that size the server signed',
    });
  }
  const canonicalLine = input.cosignature.endsWith('\n') ? input.cosignature : `${input.cosignature}\n`;
  const duplicate = deps.db.transaction((tx) => {
    const existing = tx
      .select({ id: cosignatures.id })
      .from(cosignatures)
      .where(and(eq(cosignatures.witnessId, witness.id), eq(cosignatures.treeSize, size)))
      .get();
    if (existing) return true;
    tx.insert(cosignatures)
      .values({
        witnessId: witness.id,
        treeSize: size,
        timestamp,
        body,
        line: canonicalLine,
        receivedAt: deps.now().toISOString(),
      })
      .run();
    return false;
  });
  const stored = cosignaturesAt(deps.db, size);
  return {
    treeSize: size,
    witness: witness.name,
    timestamp: duplicate ? (stored.find((c) => c.witness === witness.name)?.timestamp ?? timestamp) : timestamp,
    cosignedNote: addCosignatures(
      signed.note,
      stored.map((c) => c.line),
    ),
    duplicate,
  };
}

function safeBody(note: string): string {
  try {
    return noteBody(note);
  } catch (e) {
    throw new AppError('CHECKPOINT_NOT_SIGNED', {
      size: '?',
      detail: e instanceof NoteError ? e.message : 'unreadable',
    });
  }
}

/** The stored cosignatures on the checkpoint of `treeSize`, in the order they arrived. */
export function cosignaturesAt(db: AppDb, treeSize: number): CosignatureView[] {
  return db
    .select({ c: cosignatures, w: witnessKeys })
    .from(cosignatures)
    .innerJoin(witnessKeys, eq(witnessKeys.id, cosignatures.witnessId))
    .where(eq(cosignatures.treeSize, treeSize))
    .orderBy(asc(cosignatures.id))
    .all()
    .map(({ c, w }) => cosignatureView(c, w));
}

function cosignatureView(c: typeof cosignatures.$inferSelect, w: WitnessRow): CosignatureView {
  return {
    witness: w.name,
    keyId: w.keyId,
    vkey: w.vkey,
    treeSize: c.treeSize,
    timestamp: c.timestamp,
    receivedAt: c.receivedAt,
    line: c.line,
  };
}

/** A signed checkpoint (default: the head) with every stored cosignature, on the note and listed. */
export function cosignedCheckpoint(deps: WitnessDeps, treeSize?: number): CosignedCheckpointView {
  const head = deps.head();
  const cp = treeSize === undefined ? head : deps.checkpointAt(treeSize);
  if (!cp) throw new AppError('CHECKPOINT_UNKNOWN', { size: treeSize ?? 0, head: head?.treeSize ?? 0 });
  const list = cosignaturesAt(deps.db, cp.treeSize);
  return {
    treeSize: cp.treeSize,
    rootHash: cp.rootHash,
    note: cp.note,
    cosignedNote: addCosignatures(
      cp.note,
      list.map((c) => c.line),
    ),
    createdAt: cp.createdAt,
    origin: deps.origin,
    verifierKey: deps.verifierKey,
    cosignatures: list,
  };
}

/** The largest checkpoint the witness key `vkey` cosigned, for its owner. */
export function latestCosigned(deps: WitnessDeps, owner: string, vkey: string): WitnessLatestView {
  const key = keyOf(vkey);
  const keyId = bytesToHex(key.keyId);
  const witness = deps.db
    .select()
    .from(witnessKeys)
    .where(and(eq(witnessKeys.name, key.name), eq(witnessKeys.keyId, keyId)))
    .get();
  if (!witness || witness.owner !== owner) throw new AppError('WITNESS_NOT_REGISTERED', { name: key.name, keyId });
  const c = deps.db
    .select()
    .from(cosignatures)
    .where(eq(cosignatures.witnessId, witness.id))
    .orderBy(desc(cosignatures.treeSize))
    .limit(1)
    .get();
  if (!c) return { witness: witness.name, latest: null };
  const signed = deps.checkpointAt(c.treeSize);
  // The note as the server signs it now; the witness checks both signatures itself.
  const note = signed?.note ?? `${c.body}\n`;
  return {
    witness: witness.name,
    latest: {
      ...cosignatureView(c, witness),
      note,
      cosignedNote: signed ? addCosignatures(signed.note, [c.line]) : `${c.body}\n${c.line}`,
    },
  };
}
