// The baseline of the demo's load time (in a child process): a fresh ledger
// appending as many entries as the demo wrote, of the same canonical sizes
// (the demo's own bodies, actors and sites, each kind replaced by one of the
// same length that no projection handles), with the demo's synchronous
// setting (NORMAL) and group commit (64 appends per group). The rows are
// read before the clock starts.
import Database from 'better-sqlite3';
import { openLedger } from '../../src/ledger/open-ledger';
import type { NewEntry } from '../../src/ledger/types';
import { inGroups } from './network';

export interface DemoBaseline {
  entries: number;
  appendMs: number;
  meanCanonicalBytes: number;
}

export async function bareAppendLike(sourceDb: string, dataDir: string): Promise<DemoBaseline> {
  const source = new Database(sourceDb, { readonly: true });
  const rows = source.prepare('SELECT canonical FROM ledger_entries ORDER BY seq').pluck().all() as Buffer[];
  source.close();
  const entries = rows.map((bytes): NewEntry => {
    const e = JSON.parse(bytes.toString('utf8')) as NewEntry;
    return {
      kind: `bench.${'x'.repeat(Math.max(1, e.kind.length - 'bench.'.length))}`,
      site: e.site,
      actor: e.actor,
      ...(e.occurredAt ? { occurredAt: e.occurredAt } : {}),
      body: e.body,
    };
  });
  const opened = openLedger({ dataDir, synchronous: 'NORMAL' });
  try {
    const t0 = performance.now();
    await inGroups(entries, 64, (e) => opened.ledger.appendAsync([e]));
    const appendMs = performance.now() - t0;
    return {
      entries: entries.length,
      appendMs,
      meanCanonicalBytes: rows.reduce((s, b) => s + b.length, 0) / Math.max(1, rows.length),
    };
  } finally {
    opened.close();
  }
}
