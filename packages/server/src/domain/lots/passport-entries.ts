// The entries a passport's figures rest on, with their bytes and proofs: the
// entry that created the lot, every entry that touched it (lot_events: moves,
// consumptions, shipment, routes, and the corrections that undid any of them,
// which write lot events of their own), and any correction of those. Bounded
// whatever the lot's history: the creating entry and the correction that
// voided it (if one did) always, then the newest of the rest, at most
// PASSPORT_MAX_ENTRIES entries and PASSPORT_MAX_ENTRY_BYTES of bytes.
import { bytesToHex, PASSPORT_MAX_ENTRIES, PASSPORT_MAX_ENTRY_BYTES, type PassportEntry } from '@alutrace/shared';
import { desc, eq, inArray } from 'drizzle-orm';
import type { AppDb } from '../../db/open-database';
import { corrections, ledgerEntries, lotEvents } from '../../db/schema';
import type { Ledger } from '../../ledger/ledger';
import { chunks } from './trace-runs';

export interface ListedEntries {
  entries: PassportEntry[];
  omitted: number;
  /** The creating entry's bytes, parsed (its body names the run's inputs). */
  creating: { kind: string; body: unknown } | null;
}

interface EntryRow {
  seq: number;
  kind: string;
  canonical: Buffer;
  leafHash: Buffer;
}

export function listEntries(
  db: AppDb,
  ledger: Ledger,
  /** The newest signed checkpoint's tree size: the proofs lead to its root. */
  treeSize: number,
  lot: { lotId: string; createdSeq: number },
  voidedBy: number | null,
  limits: { entries: number; bytes: number } = { entries: PASSPORT_MAX_ENTRIES, bytes: PASSPORT_MAX_ENTRY_BYTES },
): ListedEntries {
  const touched = db
    .selectDistinct({ seq: lotEvents.seq })
    .from(lotEvents)
    .where(eq(lotEvents.lotId, lot.lotId))
    .orderBy(desc(lotEvents.seq))
    .all()
    .map((r) => r.seq);
  const all = new Set([lot.createdSeq, ...touched]);
  for (const chunk of chunks([...all])) {
    for (const c of db
      .select({ seq: corrections.correctionSeq })
      .from(corrections)
      .where(inArray(corrections.targetSeq, chunk))
      .all()) {
      all.add(c.seq);
    }
  }
  const first = voidedBy === null ? [lot.createdSeq] : [lot.createdSeq, voidedBy];
  const rest = [...all].filter((s) => !first.includes(s)).sort((a, b) => b - a);

  const listed = read(db, first);
  let bytes = listed.reduce((s, e) => s + e.canonical.length, 0);
  // The newest first, until the count or the bytes are used up: what is left out is the older middle.
  let taken = 0;
  outer: for (let i = 0; i < rest.length; i += limits.entries) {
    for (const e of read(db, rest.slice(i, i + limits.entries))) {
      if (listed.length >= limits.entries || bytes + e.canonical.length > limits.bytes) break outer;
      listed.push(e);
      bytes += e.canonical.length;
      taken++;
    }
  }

  const creatingRow = listed.find((e) => e.seq === lot.createdSeq);
  const entries = listed
    .sort((a, b) => a.seq - b.seq)
    .map(
      (e): PassportEntry => ({
        seq: e.seq,
        role: e.seq === lot.createdSeq ? 'created' : e.kind === 'correction.recorded' ? 'correction' : 'event',
        leafHash: e.leafHash.toString('hex'),
        canonicalBase64: e.canonical.toString('base64'),
        proof: e.seq < treeSize ? ledger.tree.inclusionProof(e.seq, treeSize).map(bytesToHex) : null,
      }),
    );
  return {
    entries,
    omitted: rest.length - taken,
    creating: creatingRow
      ? (JSON.parse(creatingRow.canonical.toString('utf8')) as { kind: string; body: unknown })
      : null,
  };
}

/** The entries at these seqs, in the order given. */
function read(db: AppDb, seqs: number[]): EntryRow[] {
  if (seqs.length === 0) return [];
  const rows = db
    .select({
      seq: ledgerEntries.seq,
      kind: ledgerEntries.kind,
      canonical: ledgerEntries.canonical,
      leafHash: ledgerEntries.leafHash,
    })
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.seq, seqs))
    .all();
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return seqs.flatMap((s) => {
    const r = bySeq.get(s);
    return r ? [r] : [];
  });
}
