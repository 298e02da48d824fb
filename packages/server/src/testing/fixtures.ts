// Test fixtures: each test gets its own data directory with a real SQLite
// file and signing key, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from 'vitest';
import { type OpenedLedger, openLedger } from '../ledger/open-ledger';
import type { NewEntry } from '../ledger/types';

export function makeTempDir(prefix = 'alutrace-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const testActor = { type: 'system', id: 'test' } as const;

/** A realistic entry: the shape of a scrap collection record. */
export function sampleEntry(i: number, site = 'PG01'): NewEntry {
  return {
    kind: 'test.recorded',
    site,
    actor: { type: 'user', id: '0192f000-0000-7000-8000-000000000001' },
    body: {
      lotId: `${site}-261128-${String(i).padStart(4, '0')}`,
      grade: 'UBC',
      sourceClass: 'post_consumer',
      grossG: 1_523_000 + i,
      tareG: 200_000,
      deductionG: 12_000,
      netG: 1_311_000 + i,
      vehiclePlate: '桂L12345',
    },
  };
}

export const test = base.extend<{ dataDir: string; opened: OpenedLedger }>({
  // biome-ignore lint/correctness/noEmptyPattern: Vitest fixtures take their dependencies by destructuring.
  dataDir: async ({}, use) => {
    const dir = makeTempDir();
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  opened: async ({ dataDir }, use) => {
    const opened = openLedger({ dataDir, checkpointIntervalMs: 0, synchronous: 'NORMAL' });
    await use(opened);
    opened.close();
  },
});
