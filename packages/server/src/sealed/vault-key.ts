// The sealed-data keys: one for AES-256-GCM encryption of sealed records at
// rest, one for the keyed hash (HMAC-SHA256) of seller ID numbers in the
// search index. Created on first start in the data directory as
// `sealed-key`, mode 0600, apart from the signing key: a backup needs both
// files (without this one the sealed records cannot be read, but the
// ledger still verifies). Never logged.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEALED_KEY_FILE = 'sealed-key';

export interface VaultKeys {
  /** 32 bytes, AES-256-GCM. */
  encryption: Buffer;
  /** 32 bytes, HMAC-SHA256 for the seller index. */
  index: Buffer;
}

export function sealedKeyPath(dataDir: string): string {
  return join(dataDir, SEALED_KEY_FILE);
}

const PREFIX = 'ALUTRACE-SEALED-KEY-V1';

export function formatVaultKeys(keys: VaultKeys): string {
  return `${PREFIX}\nencryption ${keys.encryption.toString('hex')}\nindex ${keys.index.toString('hex')}\n`;
}

export function parseVaultKeys(text: string): VaultKeys {
  const lines = text.trim().split('\n');
  const enc = /^encryption ([0-9a-f]{64})$/.exec(lines[1] ?? '');
  const idx = /^index ([0-9a-f]{64})$/.exec(lines[2] ?? '');
  if (lines[0] !== PREFIX || !enc || !idx)
    throw new Error(`the ${SEALED_KEY_FILE} file is damaged or not a sealed-data key`);
  return { encryption: Buffer.from(enc[1] as string, 'hex'), index: Buffer.from(idx[1] as string, 'hex') };
}

export function loadOrCreateVaultKeys(dataDir: string): { keys: VaultKeys; created: boolean } {
  const file = sealedKeyPath(dataDir);
  if (existsSync(file)) {
    if (statSync(file).mode & 0o077) chmodSync(file, 0o600);
    return { keys: parseVaultKeys(readFileSync(file, 'utf8')), created: false };
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const keys = { encryption: randomBytes(32), index: randomBytes(32) };
  writeFileSync(file, formatVaultKeys(keys), { mode: 0o600, flag: 'wx' });
  return { keys, created: true };
}

/** Reads the keys of an existing data directory, never making new ones (the CLI's checks). */
export function readVaultKeys(dataDir: string): VaultKeys {
  return parseVaultKeys(readFileSync(sealedKeyPath(dataDir), 'utf8'));
}
