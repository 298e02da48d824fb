// Random secrets (session cookies, API tokens, generated passwords) and the
// hash under which a secret is stored: only the hash ever reaches the database.
import { hash, randomBytes, randomInt } from 'node:crypto';

/** A 256-bit random secret, base64url, with a prefix that says what it is. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 is right here: the secrets have 256 bits of entropy, so no slow hash is needed. */
export function secretHash(secret: string): Buffer {
  // The one-shot form: every request with a cookie or token hashes it.
  return hash('sha256', secret, 'buffer');
}

// No 0/O, 1/l/I: generated passwords are read off a screen and typed.
const PASSWORD_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A 20-character password from a 57-letter alphabet: about 116 bits. */
export function generatePassword(length = 20): string {
  let out = '';
  for (let i = 0; i < length; i++) out += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return out;
}

export const SESSION_PREFIX = 'ats_';
export const TOKEN_PREFIX = 'alt_';
