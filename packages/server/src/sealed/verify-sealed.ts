// `alutrace verify --sealed`: every lifecycle entry has its sealed record or
// an erasure tombstone (never both, never neither); every record decrypts
// under the data directory's sealed-key, bound to its entry's seq and kind,
// and recomputes to the entry's commitment; its site, counterpart and time
// are the entry's (they decide who may read it and when it is erased); a
// collection's seller is in the search index under exactly its own ID;
// and nothing is left of erased or foreign records (no record without a
// lifecycle entry, no index row without a record). Reports the first
// failure, in seq order.
import { sealedCommitmentOf } from '@alutrace/shared';
import { and, asc, count, gt, inArray, sql } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { ledgerEntries, sealedErasures, sealedRecords, sellerIndex } from '../db/schema';
import { counterpartOf, SEALED_KINDS, type SealedEntry, sealedEntryOf } from './sealed-entry';
import type { SealedPlaintext, SealedVault } from './vault';

const BATCH = 1000;

export const SEALED_PROBLEMS = [
  'SEALED_MISSING',
  'SEALED_NOT_ERASED',
  'SEALED_UNREADABLE',
  'SEALED_COMMITMENT_MISMATCH',
  'SEALED_COLUMNS_MISMATCH',
  'SELLER_INDEX_MISMATCH',
  'SEALED_ORPHAN',
  'SELLER_INDEX_ORPHAN',
] as const;
export type SealedProblem = (typeof SEALED_PROBLEMS)[number];

export interface SealedFailure {
  seq: number;
  reason: SealedProblem;
  detail: string;
}

export interface SealedReport {
  ok: boolean;
  /** Lifecycle entries looked at. */
  entries: number;
  /** Sealed records decrypted and checked against their commitment. */
  records: number;
  /** Entries whose sealed record was erased (a tombstone, no record). */
  erased: number;
  failure: SealedFailure | null;
}

type RecordRow = typeof sealedRecords.$inferSelect;

export function verifySealed(
  db: AppDb,
  vault: SealedVault,
  onProgress?: (done: number, total: number) => void,
): SealedReport {
  const kinds = [...SEALED_KINDS];
  const total = db.select({ n: count() }).from(ledgerEntries).where(inArray(ledgerEntries.kind, kinds)).get()?.n ?? 0;
  const report: SealedReport = { ok: true, entries: 0, records: 0, erased: 0, failure: null };
  const fail = (seq: number, reason: SealedProblem, detail: string): SealedReport => ({
    ...report,
    ok: false,
    failure: { seq, reason, detail },
  });
  let after = -1;
  for (;;) {
    const page = db
      .select({ seq: ledgerEntries.seq, canonical: ledgerEntries.canonical })
      .from(ledgerEntries)
      .where(and(inArray(ledgerEntries.kind, kinds), gt(ledgerEntries.seq, after)))
      .orderBy(asc(ledgerEntries.seq))
      .limit(BATCH)
      .all();
    if (page.length === 0) break;
    after = page.at(-1)?.seq ?? after;
    const seqs = page.map((p) => p.seq);
    const records = new Map(
      db
        .select()
        .from(sealedRecords)
        .where(inArray(sealedRecords.seq, seqs))
        .all()
        .map((r) => [r.seq, r]),
    );
    const tombstones = new Set(
      db
        .select({ seq: sealedErasures.seq })
        .from(sealedErasures)
        .where(inArray(sealedErasures.seq, seqs))
        .all()
        .map((t) => t.seq),
    );
    const index = new Map<number, string[]>();
    for (const i of db.select().from(sellerIndex).where(inArray(sellerIndex.seq, seqs)).all()) {
      index.set(i.seq, [...(index.get(i.seq) ?? []), i.keyedHash.toString('hex')]);
    }
    for (const p of page) {
      const entry = sealedEntryOf(p.canonical);
      if (!entry) continue; // a body without its commitment fails the ledger's own checks
      report.entries++;
      const row = records.get(p.seq);
      if (!row) {
        if (!tombstones.has(p.seq)) {
          return fail(
            p.seq,
            'SEALED_MISSING',
            `entry ${p.seq} (${entry.kind}) has no sealed record and no erasure tombstone`,
          );
        }
        report.erased++;
        continue;
      }
      if (tombstones.has(p.seq)) {
        return fail(
          p.seq,
          'SEALED_NOT_ERASED',
          `entry ${p.seq} has an erasure tombstone, yet its sealed record is still there`,
        );
      }
      const problem = checkRecord(db, vault, entry, row, index.get(p.seq) ?? []);
      if (problem) return fail(p.seq, problem[0], problem[1]);
      report.records++;
    }
    onProgress?.(report.entries, total);
  }
  const orphan = db.all<{ seq: number }>(
    sql`SELECT r.seq AS seq FROM sealed_records r LEFT JOIN ledger_entries e ON e.seq = r.seq
        WHERE e.seq IS NULL OR e.kind NOT IN (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )}) ORDER BY r.seq LIMIT 1`,
  )[0];
  if (orphan) {
    return fail(
      orphan.seq,
      'SEALED_ORPHAN',
      `a sealed record is stored for entry ${orphan.seq}, which is not a lifecycle entry`,
    );
  }
  const stray = db.all<{ seq: number }>(
    sql`SELECT i.seq AS seq FROM seller_index i LEFT JOIN sealed_records r ON r.seq = i.seq
        WHERE r.seq IS NULL ORDER BY i.seq LIMIT 1`,
  )[0];
  if (stray) {
    return fail(
      stray.seq,
      'SELLER_INDEX_ORPHAN',
      `a seller index row remains for entry ${stray.seq}, whose sealed record is gone: the seller can still be found by ID`,
    );
  }
  return report;
}

function checkRecord(
  db: AppDb,
  vault: SealedVault,
  entry: SealedEntry,
  row: RecordRow,
  indexed: string[],
): [SealedProblem, string] | null {
  let plain: SealedPlaintext;
  try {
    // Bound to the entry's own seq and kind (the associated data), so a record moved from another entry fails here.
    plain = vault.open({ ...row, seq: entry.seq, kind: entry.kind });
  } catch {
    return [
      'SEALED_UNREADABLE',
      `the sealed record of entry ${entry.seq} does not decrypt: its ciphertext, nonce or tag was altered, or the sealed-key is not the one it was written with`,
    ];
  }
  let recomputed: string;
  try {
    recomputed = sealedCommitmentOf(plain.salt, plain.fields);
  } catch (e) {
    recomputed = `(none: ${(e as Error).message})`;
  }
  if (recomputed !== entry.commitment) {
    return [
      'SEALED_COMMITMENT_MISMATCH',
      `the sealed values of entry ${entry.seq} hash to ${recomputed}, but the entry commits to ${entry.commitment}`,
    ];
  }
  const counterpart = counterpartOf(db, entry);
  const columns: [string, unknown, unknown][] = [
    ['kind', row.kind, entry.kind],
    ['site', row.site, entry.site],
    ['counterpart', row.counterpart, counterpart],
    ['recorded_at', row.recordedAt, entry.recordedAt],
  ];
  const wrong = columns.find(([, stored, expected]) => stored !== expected);
  if (wrong) {
    return [
      'SEALED_COLUMNS_MISMATCH',
      `the sealed record of entry ${entry.seq} has ${wrong[0]} ${String(wrong[1])}, but the entry says ${String(wrong[2])}`,
    ];
  }
  const sellerId = sellerIdOf(plain);
  const expected = sellerId === null ? [] : [vault.searchKey(sellerId).toString('hex')];
  const same = indexed.length === expected.length && expected.every((k) => indexed.includes(k));
  if (!same) {
    return [
      'SELLER_INDEX_MISMATCH',
      sellerId === null
        ? `entry ${entry.seq} names no seller, yet the seller index has ${indexed.length} row(s) for it`
        : `the seller index does not find entry ${entry.seq} under exactly its seller's ID (${indexed.length} row(s))`,
    ];
  }
  return null;
}

/** The resident ID number or credit code of a collection's seller (as stored: normalised). */
function sellerIdOf(plain: SealedPlaintext): string | null {
  const seller = plain.fields.seller;
  if (typeof seller !== 'object' || seller === null || Array.isArray(seller)) return null;
  const id = (seller as Record<string, unknown>).residentId ?? (seller as Record<string, unknown>).creditCode;
  return typeof id === 'string' ? id : null;
}
