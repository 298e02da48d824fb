// Which files of a data directory a backup carries besides the database.
//
// Every regular file is copied except the ones named here, rather than a list
// of the files to copy: the data directory holds keys (the signing key now, an
// encryption key for sealed personal data later) and a key left out of a
// backup is lost silently and for good, whereas a stray file copied along
// costs nothing. So a new key file is backed up without touching this code;
// only a file that must never leave the machine needs adding here.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INITIAL_ADMIN_PASSWORD_FILE } from '../../app/initial-admin-password';
import { DATABASE_FILE } from '../open-ledger';

/** The database and the files SQLite keeps beside it; the database is copied through SQLite's backup API instead. */
export const DATABASE_FILES: readonly string[] = ['', '-wal', '-shm', '-journal'].map((s) => `${DATABASE_FILE}${s}`);

/** Files that stay on this machine: the first-run administrator's one-off password must not come back with a restore. */
export const NEVER_BACKED_UP: readonly string[] = [INITIAL_ADMIN_PASSWORD_FILE];

export const BACKUP_MANIFEST_FILE = 'backup-manifest.json';

export interface DataDirListing {
  /** Regular files to copy beside the database (keys), sorted. */
  secretFiles: string[];
  /** Entries left out: not regular files (directories, links are not followed) or unusual names. */
  skipped: string[];
}

export function listSecretFiles(dataDir: string): DataDirListing {
  const secretFiles: string[] = [];
  const skipped: string[] = [];
  for (const name of readdirSync(dataDir).sort()) {
    if (DATABASE_FILES.includes(name) || NEVER_BACKED_UP.includes(name)) continue;
    if (lstatSync(join(dataDir, name)).isFile() && isBackupFileName(name)) secretFiles.push(name);
    else skipped.push(name);
  }
  return { secretFiles, skipped };
}

/**
 * A name a manifest may list: a plain file name (no path, so a doctored
 * manifest cannot write outside the target) that a backup could have copied.
 */
export function isBackupFileName(name: string): boolean {
  return (
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) &&
    name !== BACKUP_MANIFEST_FILE &&
    !NEVER_BACKED_UP.includes(name) &&
    (name === DATABASE_FILE || !DATABASE_FILES.includes(name))
  );
}
