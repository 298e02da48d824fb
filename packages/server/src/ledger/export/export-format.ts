// The export file: JSON Lines. The first line is a header with the verifier
// key; then every checkpoint; then every entry as stored: its look-up
// columns, its leaf hash and its exact canonical text. Anyone can check the
// file with `alutrace verify-export` (or their own code) without a database.
import type { EntryIndexColumns } from '@alutrace/shared';

export const EXPORT_FORMAT = 'alutrace-ledger-export';
export const EXPORT_VERSION = 1;

export interface ExportHeader {
  type: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  origin: string;
  verifierKey: string;
  treeSize: number;
  exportedAt: string;
  /**
   * The officials' witness keys registered on the server (vkeys, C2SP
   * tlog-cosignature v1); their cosignature lines follow the server's
   * signature on each checkpoint's note. Absent in files from before cosigning.
   */
  witnessKeys?: string[];
}

export interface ExportCheckpointLine {
  type: 'checkpoint';
  treeSize: number;
  /** The signed note, with any cosignature lines after the server's own signature. */
  note: string;
}

export interface ExportEntryLine extends EntryIndexColumns {
  type: 'entry';
  seq: number;
  leafHash: string;
  /** The entry's RFC 8785 canonical JSON, exactly as hashed. */
  canonical: string;
}
