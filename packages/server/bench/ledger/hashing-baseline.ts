// The baselines for verify: SHA-256 over the stored canonical bytes, one
// thread, with the bytes read into memory before the clock starts.
import { createHash } from 'node:crypto';
import { Frontier, hashLeaf } from '@alutrace/shared';
import { sha256 } from '@noble/hashes/sha2.js';
import Database from 'better-sqlite3';
import { median, perSecond } from '../stats';

const CHUNK = 65_536;

type ChunkReader = (from: number, to: number) => Buffer[];

function withChunks<T>(dbFile: string, use: (chunkAt: ChunkReader) => T): T {
  const sqlite = new Database(dbFile, { readonly: true });
  try {
    const statement = sqlite
      .prepare<[number, number], Buffer>('SELECT canonical FROM ledger_entries WHERE seq >= ? AND seq < ? ORDER BY seq')
      .pluck();
    return use((from, to) => statement.all(from, to));
  } finally {
    sqlite.close();
  }
}

/** sha256(canonical) of every entry, the same library the ledger uses; hashing time only. */
export function bareHashRate(dbFile: string, entries: number): number {
  return withChunks(dbFile, (chunkAt) => {
    let ms = 0;
    for (let from = 0; from < entries; from += CHUNK) {
      const chunk = chunkAt(from, from + CHUNK);
      if (from === 0) timeHashing(chunk, (b) => sha256(b)); // warm-up
      ms += timeHashing(chunk, (b) => sha256(b));
    }
    return perSecond(entries, ms);
  });
}

export interface HashingBreakdown {
  sampleEntries: number;
  /** sha256(canonical), to compare the rates below with. */
  bare: number;
  /** hashLeaf(canonical) = SHA-256(0x00 || canonical). */
  leaf: number;
  /** hashLeaf plus the interior nodes it completes: the least hashing verify must do. */
  leafAndNodes: number;
  /** node:crypto's SHA-256 (OpenSSL) of the same bytes, for comparison only. */
  nodeCrypto: number;
}

/** What verify's hashing floor is, on the first chunk of entries. */
export function hashingBreakdown(dbFile: string, entries: number): HashingBreakdown {
  return withChunks(dbFile, (chunkAt) => {
    const sample = chunkAt(0, Math.min(CHUNK, entries));
    const variants = {
      bare: (b: Buffer) => sha256(b),
      leaf: (b: Buffer) => hashLeaf(b),
      leafAndNodes: (frontier: Frontier) => (b: Buffer) => frontier.push(hashLeaf(b)),
      nodeCrypto: (b: Buffer) => createHash('sha256').update(b).digest(),
    };
    timeHashing(sample, variants.bare); // warm-up
    // Rounds interleave the variants, so that drift (heat, other processes) hits them alike.
    const rounds = [0, 1, 2, 3, 4].map(() => ({
      bare: perSecond(sample.length, timeHashing(sample, variants.bare)),
      leaf: perSecond(sample.length, timeHashing(sample, variants.leaf)),
      leafAndNodes: perSecond(sample.length, timeHashing(sample, variants.leafAndNodes(new Frontier()))),
      nodeCrypto: perSecond(sample.length, timeHashing(sample, variants.nodeCrypto)),
    }));
    return {
      sampleEntries: sample.length,
      bare: median(rounds.map((r) => r.bare)),
      leaf: median(rounds.map((r) => r.leaf)),
      leafAndNodes: median(rounds.map((r) => r.leafAndNodes)),
      nodeCrypto: median(rounds.map((r) => r.nodeCrypto)),
    };
  });
}

function timeHashing(chunk: readonly Buffer[], hash: (bytes: Buffer) => unknown): number {
  const t0 = performance.now();
  for (const bytes of chunk) hash(bytes);
  return performance.now() - t0;
}
