// Reading entries back: by seq, by id, by range, as the ledger stored them.
import { bytesToHex, decodeEntry } from '@alutrace/shared';
import type Database from 'better-sqlite3';
import type { AppendedEntry, StoredEntry } from './types';

export type EntryRow = [seq: number, canonical: Buffer, leafHash: Buffer];

/** An entry as read from its row: seq, canonical bytes, leaf hash. */
export function appendedFromRow(row: EntryRow): AppendedEntry {
  return { seq: row[0], leafHash: bytesToHex(row[2]), entry: decodeEntry(row[1]) };
}

/** The same, keeping the stored bytes for readers who check the leaf hash themselves. */
export function storedFromRow(row: EntryRow): StoredEntry {
  return { ...appendedFromRow(row), canonical: row[1] };
}

export class EntryReader {
  private readonly bySeq: Database.Statement<[number], EntryRow>;
  private readonly byId: Database.Statement<[string], EntryRow>;
  private readonly range: Database.Statement<[number, number], EntryRow>;

  constructor(sqlite: Database.Database) {
    const columns = 'SELECT seq, canonical, leaf_hash FROM ledger_entries';
    this.bySeq = sqlite.prepare<[number], EntryRow>(`${columns} WHERE seq = ?`).raw();
    this.byId = sqlite.prepare<[string], EntryRow>(`${columns} WHERE id = ?`).raw();
    this.range = sqlite.prepare<[number, number], EntryRow>(`${columns} WHERE seq >= ? AND seq < ? ORDER BY seq`).raw();
  }

  entryBySeq(seq: number): StoredEntry | null {
    const row = this.bySeq.get(seq);
    return row ? storedFromRow(row) : null;
  }

  entryById(id: string): StoredEntry | null {
    const row = this.byId.get(id);
    return row ? storedFromRow(row) : null;
  }

  /** Entries with from ≤ seq < to, in order. */
  readRange(from: number, to: number): AppendedEntry[] {
    return this.range.all(from, to).map(appendedFromRow);
  }
}
