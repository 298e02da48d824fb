// The ledger's Ed25519 signing key. Created on first start in the data
// directory with mode 0600, in the text form of Go's golang.org/x/mod/sumdb/note
// ("PRIVATE+KEY+name+keyid+base64(0x01 || seed)"), so standard tools can use it.
// The key is never logged; only its verifier key is shown.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  base64Decode,
  base64Encode,
  bytesToHex,
  concatBytes,
  type NoteSigner,
  signerFromSecretKey,
  splitPlus,
} from '@alutrace/shared';
import { ed25519 } from '@noble/curves/ed25519.js';

export const SIGNING_KEY_FILE = 'signing-key';

export function signingKeyPath(dataDir: string): string {
  return join(dataDir, SIGNING_KEY_FILE);
}

export function formatSigningKey(signer: NoteSigner): string {
  const body = base64Encode(concatBytes(Uint8Array.of(0x01), signer.secretKey));
  return `PRIVATE+KEY+${signer.name}+${bytesToHex(signer.keyId)}+${body}\n`;
}

export function parseSigningKey(text: string): NoteSigner {
  const parts = splitPlus(text.trim(), 5);
  if (parts?.[0] !== 'PRIVATE' || parts[1] !== 'KEY') {
    throw new Error('the signing key file is not in the PRIVATE+KEY+name+id+key form');
  }
  const [, , name, idHex, body] = parts as [string, string, string, string, string];
  const raw = base64Decode(body);
  if (raw.length !== 33 || raw[0] !== 0x01) throw new Error('the signing key file does not hold an Ed25519 key');
  const signer = signerFromSecretKey(name, raw.slice(1));
  if (bytesToHex(signer.keyId) !== idHex) throw new Error('the signing key file is damaged: its key id does not match');
  return signer;
}

/** Reads the signing key, creating it (named `name`) when the data directory has none. */
export function loadOrCreateSigningKey(dataDir: string, name: string): { signer: NoteSigner; created: boolean } {
  const file = signingKeyPath(dataDir);
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o077) chmodSync(file, 0o600);
    return { signer: parseSigningKey(readFileSync(file, 'utf8')), created: false };
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const signer = signerFromSecretKey(name, ed25519.utils.randomSecretKey());
  // 'wx' fails if another process created the key meanwhile, rather than overwrite it.
  writeFileSync(file, formatSigningKey(signer), { mode: 0o600, flag: 'wx' });
  return { signer, created: true };
}

/** Reads an existing signing key; throws when there is none. */
export function readSigningKey(dataDir: string): NoteSigner {
  return parseSigningKey(readFileSync(signingKeyPath(dataDir), 'utf8'));
}
