// Files the witness and the monitor keep: private (0600), replaced whole
// (written beside, then renamed), so a crash never leaves half a state.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { UsageError } from '../cli-kit';

export function writePrivateFile(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** Creates the file, refusing to replace one that exists. */
export function createPrivateFile(path: string, data: string): void {
  try {
    writeFileSync(path, data, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${path} exists already: choose another file (a key is never overwritten)`);
    }
    throw e;
  }
  chmodSync(path, 0o600);
}

export function readJsonFile<T>(path: string): T | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new UsageError(`${path} cannot be read: ${(e as Error).message}`);
  }
}

/** A file name part for the time: 2026-12-01T13-05-09Z. */
export const fileTime = (d: Date): string =>
  d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
