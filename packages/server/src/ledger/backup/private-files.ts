// Files only their owner can read: backups hold the signing key and, through
// the database, everything the ledger knows. Modes are set explicitly after
// creating (fchmod/chmod), because the mode given at creation is narrowed by
// the umask and a backup must come out the same whatever the umask.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export interface FileDigest {
  name: string;
  bytes: number;
  sha256: string;
}

const CHUNK = 1 << 20;

/** Creates `dir` (and missing parents) or takes an existing one, mode 0700. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates `file`, which must not exist yet (so nothing is overwritten), mode 0600, and returns its descriptor. */
export function createPrivateFile(file: string): number {
  const fd = openSync(file, 'wx', PRIVATE_FILE_MODE);
  fchmodSync(fd, PRIVATE_FILE_MODE);
  return fd;
}

export function writePrivateFile(file: string, data: string | Uint8Array): void {
  const fd = createPrivateFile(file);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copies `from` to a new private file `to` and digests what was written, in one pass. */
export function copyPrivateFile(from: string, to: string, name: string): FileDigest {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  const src = openSync(from, 'r');
  let bytes = 0;
  try {
    const dest = createPrivateFile(to);
    try {
      for (let n = readSync(src, buffer); n > 0; n = readSync(src, buffer)) {
        const chunk = buffer.subarray(0, n);
        hash.update(chunk);
        writeSync(dest, chunk);
        bytes += n;
      }
      fsyncSync(dest);
    } finally {
      closeSync(dest);
    }
  } finally {
    closeSync(src);
  }
  return { name, bytes, sha256: hash.digest('hex') };
}

export function digestFile(file: string, name: string): FileDigest {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(file, 'r');
  let bytes = 0;
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { name, bytes, sha256: hash.digest('hex') };
}

/** Flushes a directory's entries, so files just created or renamed into it survive a power cut. */
export function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes the empty -wal and the -shm that a read-only connection leaves
 * beside a WAL-mode database (it may not delete them itself). Call only once
 * every connection is closed. A -wal holding frames or a -journal is never
 * deleted (that would lose or corrupt data), only made 0600.
 */
export function removeSqliteLeftovers(dbFile: string): void {
  const wal = `${dbFile}-wal`;
  const keepWal = existsSync(wal) && statSync(wal).size > 0;
  if (!keepWal) rmSync(wal, { force: true });
  if (!keepWal) rmSync(`${dbFile}-shm`, { force: true });
  for (const file of [wal, `${dbFile}-shm`, `${dbFile}-journal`]) {
    if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
  }
}
