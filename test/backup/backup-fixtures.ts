// What the backup suites share: temporary directories removed after each
// test, a small ledger, and checks of what a backup or restore wrote.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { databasePath, openDatabase, openLedger } from '@alutrace/server';
import type { BackupManifest } from '@alutrace/server/testing';
import { makeTempDir, sampleEntry } from '@alutrace/server/testing';
import { expect } from 'vitest';
import { cli } from '../cli/run-cli';

const cleanups: (() => void | Promise<void>)[] = [];

/** Registers something to undo after the test; `runCleanups` (in afterEach) undoes all, newest first. */
export function onCleanup(cleanup: () => void | Promise<void>): void {
  cleanups.push(cleanup);
}

export async function runCleanups(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

export function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A data directory with a small ledger, written and closed. */
export function smallLedger(entries = 12): string {
  const dataDir = tempDir('alutrace-backup-data-');
  const opened = openLedger({ dataDir, checkpointIntervalMs: 0, synchronous: 'NORMAL' });
  for (let i = 0; i < entries; i++) opened.ledger.append([sampleEntry(i)]);
  opened.close();
  return dataDir;
}

export function manifestOf(backupDir: string): BackupManifest {
  return JSON.parse(readFileSync(join(backupDir, 'backup-manifest.json'), 'utf8')) as BackupManifest;
}

export function entryCount(dataDir: string): number {
  const db = openDatabase(databasePath(dataDir), { readonly: true });
  try {
    return (db.$client.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;
  } finally {
    db.$client.close();
  }
}

export async function verified(dataDir: string): Promise<{ ok: boolean; treeSize: number; rootHash: string }> {
  const r = await cli(['verify', '--data-dir', dataDir, '--json']);
  expect(r.code, r.out).toBe(0);
  return JSON.parse(r.out) as { ok: boolean; treeSize: number; rootHash: string };
}

export function expectPrivate(dir: string): void {
  expect(statSync(dir).mode & 0o777, dir).toBe(0o700);
  for (const name of readdirSync(dir)) {
    expect(statSync(join(dir, name)).mode & 0o777, `${dir}/${name}`).toBe(0o600);
  }
}
