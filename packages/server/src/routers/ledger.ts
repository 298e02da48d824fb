import {
  base64Encode,
  bytesToHex,
  type ConsistencyProofView,
  type CosignedCheckpointView,
  checkpointInput,
  consistencyProofInput,
  type EntriesPage,
  type EntryView,
  entriesInput,
  entryInput,
  type HeadView,
  type InclusionProofView,
  inclusionProofInput,
  type PublicKeyView,
  parseVerifierKey,
  verifyInput,
} from '@alutrace/shared';
import { and, asc, desc, eq, gt, lt, type SQL } from 'drizzle-orm';
import type { App } from '../app/create-app';
import { ledgerEntries } from '../db/schema';
import { actorNames } from '../domain/users/actor-names';
import { cosignedCheckpoint } from '../domain/witness/witnesses';
import { AppError } from '../errors';
import { storedFromRow } from '../ledger/entry-reader';
import type { StoredEntry } from '../ledger/types';
import { field } from '../trpc/access';
import { procedure, publicProcedure, router } from '../trpc/trpc';
import { witnessDeps } from './witness';

function headView(app: App): HeadView {
  const head = app.ledger.head();
  if (!head) throw new Error('the ledger has no checkpoint');
  return { ...head, origin: app.config.origin, verifierKey: app.verifierKey };
}

/** Proofs are for trees up to the newest signed checkpoint: sizes nobody can check a signature for are refused. */
function checkTreeSize(app: App, size: number): void {
  const signed = app.ledger.head()?.treeSize ?? 0;
  if (size > signed) throw new AppError('TREE_SIZE_OUT_OF_RANGE', { size: signed, requested: size });
}

const view = (e: StoredEntry): EntryView => ({
  seq: e.seq,
  leafHash: e.leafHash,
  entry: e.entry,
  canonicalBase64: base64Encode(e.canonical),
});

export const ledgerRouter = router({
  head: publicProcedure.query(({ ctx }): HeadView => headView(ctx.app)),

  /** A signed checkpoint (default: the head) with its officials' cosignatures (README "Cosigning checkpoints"). */
  checkpoint: publicProcedure
    .input(checkpointInput)
    .query(({ ctx, input }): CosignedCheckpointView => cosignedCheckpoint(witnessDeps(ctx.app), input.treeSize)),

  publicKey: publicProcedure.query(({ ctx }): PublicKeyView => {
    const key = parseVerifierKey(ctx.app.verifierKey);
    return {
      verifierKey: ctx.app.verifierKey,
      keyName: key.name,
      keyId: bytesToHex(key.keyId),
      algorithm: 'Ed25519',
      publicKey: base64Encode(key.publicKey),
      origin: ctx.app.config.origin,
    };
  }),

  /** Officials and admins read every entry; operating roles read their sites' entries (pass `site`). */
  entries: procedure({ permission: 'ledger:read', site: field('site') })
    .input(entriesInput)
    .query(({ ctx, input }): EntriesPage => {
      const forward = input.order === 'oldest';
      const where: SQL[] = [];
      if (input.cursor !== undefined) {
        where.push(forward ? gt(ledgerEntries.seq, input.cursor) : lt(ledgerEntries.seq, input.cursor));
      }
      if (input.kind) where.push(eq(ledgerEntries.kind, input.kind));
      if (input.site) where.push(eq(ledgerEntries.site, input.site));
      // One query for the page, the entries' bytes included.
      const rows = ctx.app.db
        .select({ seq: ledgerEntries.seq, canonical: ledgerEntries.canonical, leafHash: ledgerEntries.leafHash })
        .from(ledgerEntries)
        .where(and(...where))
        .orderBy(forward ? asc(ledgerEntries.seq) : desc(ledgerEntries.seq))
        .limit(input.limit + 1)
        .all();
      const page = rows.slice(0, input.limit);
      const items = page.map((r) => view(storedFromRow([r.seq, r.canonical, r.leafHash])));
      const last = page[page.length - 1];
      return {
        items,
        nextCursor: rows.length > input.limit && last ? last.seq : null,
        treeSize: ctx.app.ledger.size,
        // Those who read one site's entries are not told who works elsewhere: they see ids.
        actorNames:
          ctx.auth.reach === 'all'
            ? actorNames(
                ctx.app.db,
                items.map((i) => i.entry.actor),
              )
            : {},
      };
    }),

  entry: procedure({ permission: 'ledger:read', site: 'resource' })
    .input(entryInput)
    .query(({ ctx, input }): EntryView => {
      const found = 'seq' in input ? ctx.app.ledger.entryBySeq(input.seq) : ctx.app.ledger.entryById(input.id);
      if (!found) throw new AppError('NOT_FOUND', { what: 'ledger entry', id: 'seq' in input ? input.seq : input.id });
      ctx.auth.assertSite(found.entry.site);
      return view(found);
    }),

  inclusionProof: publicProcedure.input(inclusionProofInput).query(({ ctx, input }): InclusionProofView => {
    const { ledger } = ctx.app;
    const treeSize = input.treeSize ?? headView(ctx.app).treeSize;
    checkTreeSize(ctx.app, treeSize);
    if (input.seq >= treeSize) {
      throw new AppError('SEQ_OUT_OF_RANGE', { seq: input.seq, size: treeSize });
    }
    return {
      seq: input.seq,
      treeSize,
      leafHash: bytesToHex(ledger.tree.subtree(0, input.seq)),
      proof: ledger.tree.inclusionProof(input.seq, treeSize).map(bytesToHex),
      rootHash: bytesToHex(ledger.tree.root(treeSize)),
      checkpoint: ledger.checkpointAt(treeSize)?.note ?? null,
    };
  }),

  consistencyProof: publicProcedure.input(consistencyProofInput).query(({ ctx, input }): ConsistencyProofView => {
    const { ledger } = ctx.app;
    const to = input.to ?? headView(ctx.app).treeSize;
    checkTreeSize(ctx.app, to);
    if (input.from > to) throw new AppError('PROOF_RANGE_INVALID', { from: input.from, to });
    return {
      from: input.from,
      to,
      proof: ledger.tree.consistencyProof(input.from, to).map(bytesToHex),
      fromRoot: bytesToHex(ledger.tree.root(input.from)),
      toRoot: bytesToHex(ledger.tree.root(to)),
    };
  }),

  verify: procedure({ permission: 'ledger:verify' })
    .input(verifyInput)
    .mutation(({ ctx, input }) =>
      ctx.app.verify(input.trustedCheckpoint !== undefined ? { trustedCheckpoint: input.trustedCheckpoint } : {}),
    ),
});
