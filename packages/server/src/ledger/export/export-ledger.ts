// Writes the export file (see export-format.ts) from the database, page by
// page, so that memory stays flat whatever the ledger's size.

import { once } from 'node:events';
import { chmodSync, createWriteStream } from 'node:fs';
import { addCosignatures, bytesToHex, formatCosignerKey } from '@alutrace/shared';
import type Database from 'better-sqlite3';
import { readCosignatures, readWitnessKeys } from '../read-cosignatures';
import { readLedgerBounds } from '../read-head';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportCheckpointLine,
  type ExportEntryLine,
  type ExportHeader,
} from './export-format';

type Row = [
  seq: number,
  id: string,
  kind: string,
  site: string | null,
  actorId: string,
  occurredAt: string,
  recordedAt: string,
  leafHash: Buffer,
  canonical: Buffer,
];

export interface ExportSummary {
  entries: number;
  checkpoints: number;
}

export async function exportLedger(
  sqlite: Database.Database,
  file: string,
  meta: { origin: string; verifierKey: string; now?: Date },
  /** Told once per page of entries written. */
  onProgress?: (done: number, total: number) => void,
): Promise<ExportSummary> {
  const { checkpoints, end } = readLedgerBounds(sqlite);
  // The export is public by design, but like every file alutrace writes it starts private: its owner decides.
  const out = createWriteStream(file, { encoding: 'utf8', mode: 0o600 });
  await once(out, 'open');
  chmodSync(file, 0o600); // a file that existed before keeps its old mode otherwise
  const write = async (line: object): Promise<void> => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  };
  const header: ExportHeader = {
    type: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    origin: meta.origin,
    verifierKey: meta.verifierKey,
    treeSize: end,
    exportedAt: (meta.now ?? new Date()).toISOString(),
    witnessKeys: readWitnessKeys(sqlite).map(formatCosignerKey),
  };
  await write(header);
  // Each checkpoint with the officials' cosignatures on it (README "Cosigning checkpoints").
  const lines = new Map<number, string[]>();
  for (const c of readCosignatures(sqlite)) lines.set(c.treeSize, [...(lines.get(c.treeSize) ?? []), c.line]);
  for (const c of checkpoints) {
    const note = addCosignatures(c.note, lines.get(c.size) ?? []);
    await write({ type: 'checkpoint', treeSize: c.size, note } satisfies ExportCheckpointLine);
  }
  const page = sqlite
    .prepare<[number, number], Row>(
      `SELECT seq, id, kind, site, actor_id, occurred_at, recorded_at, leaf_hash, canonical
       FROM ledger_entries WHERE seq >= ? ORDER BY seq LIMIT ?`,
    )
    .raw();
  let from = 0;
  let entries = 0;
  for (;;) {
    onProgress?.(entries, end);
    const rows = page.all(from, 4096).filter((r) => r[0] < end);
    for (const r of rows) {
      await write({
        type: 'entry',
        seq: r[0],
        id: r[1],
        kind: r[2],
        site: r[3],
        actorId: r[4],
        occurredAt: r[5],
        recordedAt: r[6],
        leafHash: bytesToHex(r[7]),
        canonical: r[8].toString('utf8'),
      } satisfies ExportEntryLine);
      entries++;
    }
    if (rows.length < 4096) {
      onProgress?.(entries, end);
      break;
    }
    from = (rows[rows.length - 1] as Row)[0] + 1;
  }
  out.end();
  await once(out, 'finish');
  return { entries, checkpoints: checkpoints.length };
}
