// What an attacker with write access to the database file could do. Used by
// the tamper tests; each function edits the file directly, as a person with
// the sqlite3 shell would, after dropping the append-only triggers.
import {
  base64Decode,
  base64Encode,
  bytesToHex,
  canonicalBytes,
  decodeEntry,
  Frontier,
  GENESIS_PREV,
  hashLeaf,
  type LedgerEntry,
} from '@alutrace/shared';
import type Database from 'better-sqlite3';
import { TreeStore } from '../ledger/tree-store';

export function dropAppendOnlyTriggers(sqlite: Database.Database): void {
  for (const t of [
    'ledger_entries_no_update',
    'ledger_entries_no_delete',
    'ledger_checkpoints_no_update',
    'ledger_checkpoints_no_delete',
  ]) {
    sqlite.exec(`DROP TRIGGER IF EXISTS ${t}`);
  }
}

export function flipCanonicalByte(sqlite: Database.Database, seq: number, offset = 20): void {
  dropAppendOnlyTriggers(sqlite);
  const row = sqlite.prepare('SELECT canonical FROM ledger_entries WHERE seq = ?').get(seq) as { canonical: Buffer };
  const bytes = Buffer.from(row.canonical);
  bytes[offset] = (bytes[offset] as number) ^ 0x01;
  sqlite.prepare('UPDATE ledger_entries SET canonical = ? WHERE seq = ?').run(bytes, seq);
}

export function setColumn(sqlite: Database.Database, seq: number, column: 'kind' | 'site' | 'id', value: string): void {
  dropAppendOnlyTriggers(sqlite);
  sqlite.prepare(`UPDATE ledger_entries SET ${column} = ? WHERE seq = ?`).run(value, seq);
}

export function deleteEntry(sqlite: Database.Database, seq: number): void {
  dropAppendOnlyTriggers(sqlite);
  sqlite.prepare('DELETE FROM ledger_entries WHERE seq = ?').run(seq);
}

/** Swaps the contents of two rows, each row keeping its position. */
export function swapEntries(sqlite: Database.Database, a: number, b: number): void {
  dropAppendOnlyTriggers(sqlite);
  const cols = 'id, kind, site, actor_id, occurred_at, recorded_at, canonical, leaf_hash';
  const get = sqlite.prepare(`SELECT ${cols} FROM ledger_entries WHERE seq = ?`).raw();
  const ra = get.get(a) as unknown[];
  const rb = get.get(b) as unknown[];
  const set = sqlite.prepare(
    'UPDATE ledger_entries SET id = ?, kind = ?, site = ?, actor_id = ?, occurred_at = ?, recorded_at = ?, canonical = ?, leaf_hash = ? WHERE seq = ?',
  );
  sqlite.transaction(() => {
    set.run(`tmp-${a}`, ...ra.slice(1), a);
    set.run(...ra, b);
    set.run(...rb, a);
  })();
}

export function truncateTail(sqlite: Database.Database, count: number): void {
  dropAppendOnlyTriggers(sqlite);
  sqlite.prepare('DELETE FROM ledger_entries WHERE seq >= (SELECT max(seq) + 1 - ? FROM ledger_entries)').run(count);
}

export function deleteCheckpointsAbove(sqlite: Database.Database, size: number): void {
  dropAppendOnlyTriggers(sqlite);
  sqlite.prepare('DELETE FROM ledger_checkpoints WHERE tree_size > ?').run(size);
}

/** Replaces the signature of the checkpoint of `size` with one that does not verify. */
export function forgeCheckpointSignature(sqlite: Database.Database, size: number): void {
  dropAppendOnlyTriggers(sqlite);
  const { note } = sqlite.prepare('SELECT note FROM ledger_checkpoints WHERE tree_size = ?').get(size) as {
    note: string;
  };
  const sigAt = note.lastIndexOf(' ') + 1;
  const raw = base64Decode(note.slice(sigAt, -1));
  raw[10] = (raw[10] as number) ^ 0xff;
  sqlite
    .prepare('UPDATE ledger_checkpoints SET note = ? WHERE tree_size = ?')
    .run(`${note.slice(0, sigAt)}${base64Encode(raw)}\n`, size);
}

/**
 * Inserts a forged entry at `position`, shifting every later entry up by one
 * and recomputing every hash after it: entry bytes, leaf hashes, the chain
 * and the stored Merkle nodes. Only the signed checkpoints can reveal it.
 */
export function insertForgedEntry(
  sqlite: Database.Database,
  position: number,
  body: Record<string, string | number>,
): void {
  dropAppendOnlyTriggers(sqlite);
  const tail = (
    sqlite.prepare('SELECT canonical FROM ledger_entries WHERE seq >= ? ORDER BY seq').all(position) as {
      canonical: Buffer;
    }[]
  ).map((r) => decodeEntry(r.canonical));
  const template = tail[0] as LedgerEntry;
  const forged: LedgerEntry = { ...template, id: '0192f000-0000-7000-8000-00000000f0f0', body };
  const frontier = position === 0 ? new Frontier() : new TreeStore(sqlite).frontierAt(position);
  const prev =
    position === 0
      ? GENESIS_PREV
      : bytesToHex(
          (
            sqlite.prepare('SELECT leaf_hash FROM ledger_entries WHERE seq = ?').get(position - 1) as {
              leaf_hash: Buffer;
            }
          ).leaf_hash,
        );
  rewriteTail(sqlite, position, [forged, ...tail], prev, frontier);
}

/**
 * Rewrites the entries from `position` on as `entries`, the first linked to
 * `prev`, recomputing every hash after it: entry bytes, leaf hashes, the
 * chain and the stored Merkle nodes, as an attacker who knows the format would.
 */
function rewriteTail(
  sqlite: Database.Database,
  position: number,
  entries: LedgerEntry[],
  firstPrev: string,
  frontier: Frontier,
): void {
  let prev = firstPrev;
  const insert = sqlite.prepare(
    'INSERT INTO ledger_entries (seq, id, kind, site, actor_id, occurred_at, recorded_at, canonical, leaf_hash, nodes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM ledger_entries WHERE seq >= ?').run(position);
    entries.forEach((original, i) => {
      const entry: LedgerEntry = { ...original, seq: position + i, prev };
      const bytes = canonicalBytes(entry);
      const leaf = hashLeaf(bytes);
      const nodes = frontier.push(leaf).map((n) => n.hash);
      insert.run(
        entry.seq,
        entry.id,
        entry.kind,
        entry.site,
        entry.actor.id,
        entry.occurredAt,
        entry.recordedAt,
        Buffer.from(bytes),
        Buffer.from(leaf),
        nodes.length ? Buffer.concat(nodes) : null,
      );
      prev = bytesToHex(leaf);
    });
  })();
}

/**
 * Links entry `seq` to a made-up previous leaf and recomputes every hash from
 * it on, so that leaf hashes, nodes and the rest of the chain are consistent:
 * only that one link (and the signed checkpoints) betray it.
 */
export function breakPrevLink(sqlite: Database.Database, seq: number): void {
  dropAppendOnlyTriggers(sqlite);
  const tail = (
    sqlite.prepare('SELECT canonical FROM ledger_entries WHERE seq >= ? ORDER BY seq').all(seq) as {
      canonical: Buffer;
    }[]
  ).map((r) => decodeEntry(r.canonical));
  rewriteTail(sqlite, seq, tail, 'f'.repeat(64), new TreeStore(sqlite).frontierAt(seq));
}

/** Flips one bit of an entry's stored `leaf_hash` column (its bytes untouched). */
export function flipLeafHashBit(sqlite: Database.Database, seq: number): void {
  dropAppendOnlyTriggers(sqlite);
  const { leaf_hash } = sqlite.prepare('SELECT leaf_hash FROM ledger_entries WHERE seq = ?').get(seq) as {
    leaf_hash: Buffer;
  };
  const changed = Buffer.from(leaf_hash);
  changed[5] = (changed[5] as number) ^ 0x01;
  sqlite.prepare('UPDATE ledger_entries SET leaf_hash = ? WHERE seq = ?').run(changed, seq);
}

/** Flips one bit of an entry's stored interior Merkle nodes (`nodes` column; odd seqs have them). */
export function flipNodesBit(sqlite: Database.Database, seq: number): void {
  dropAppendOnlyTriggers(sqlite);
  const { nodes } = sqlite.prepare('SELECT nodes FROM ledger_entries WHERE seq = ?').get(seq) as {
    nodes: Buffer | null;
  };
  if (!nodes) throw new Error(`entry ${seq} stores no Merkle nodes (an odd seq does)`);
  const changed = Buffer.from(nodes);
  changed[0] = (changed[0] as number) ^ 0x01;
  sqlite.prepare('UPDATE ledger_entries SET nodes = ? WHERE seq = ?').run(changed, seq);
}
