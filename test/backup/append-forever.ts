// A writer for the "backup under writes" test, run in its own process as a
// server would be: appends entries to the ledger in DATA_DIR in small
// transactions, one every PAUSE_MS (default 1; 0: as fast as it can), until
// it is killed, and prints "ready" once it has begun.
// Its entries are built here: the fixtures module needs Vitest to load.
import { openLedger } from '@alutrace/server';
import type { NewEntry } from '@alutrace/server/testing';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: append-forever.ts DATA_DIR [PAUSE_MS]');
const pauseMs = Number(process.argv[3] ?? 1);

// Checkpoints at most every 20 ms, so that a backup sees both signed entries and some not yet signed.
const opened = openLedger({ dataDir, checkpointIntervalMs: 20, synchronous: 'NORMAL' });

function entry(i: number): NewEntry {
  return {
    kind: 'test.recorded',
    site: 'PG01',
    actor: { type: 'user', id: '0192f000-0000-7000-8000-000000000001' },
    body: { lotId: `PG01-261128-${String(i).padStart(6, '0')}`, grade: 'UBC', netG: 1_311_000 + i },
  };
}

let i = opened.ledger.size;
function appendSome(): void {
  // 1 to 4 entries per transaction; yielding between them lets the checkpoint timer run.
  const batch = Array.from({ length: 1 + (i % 4) }, (_, k) => entry(i + k));
  opened.ledger.append(batch);
  i += batch.length;
  if (pauseMs > 0) setTimeout(appendSome, pauseMs);
  else setImmediate(appendSome);
}

appendSome();
process.stdout.write('ready\n');
