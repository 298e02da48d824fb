// Password hashing with argon2id (RFC 9106) through @node-rs/argon2, a native
// implementation: a pure-JavaScript one costs about a second per hash here.

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@alutrace/shared';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors';

// RFC 9106 §4's second recommended option, scaled to a 2-core server:
// 64 MiB and 3 passes take some tens of milliseconds per sign-in.
// algorithm 2 is Argon2id in the package's const enum (not importable under verbatimModuleSyntax).
const OPTIONS = { algorithm: 2, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;

export function checkNewPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw new AppError('PASSWORD_TOO_SHORT', { min: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError('VALIDATION_FAILED', { fields: `password (at most ${MAX_PASSWORD_LENGTH} characters)` });
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | null = null;

/**
 * Checks a password. With no stored hash (unknown user) it still runs a
 * full verification against a dummy hash, so that timing does not tell
 * which usernames exist.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  dummy ??= hashPassword('not a real password, only for equal timing');
  const target = stored ?? (await dummy);
  let ok = false;
  try {
    ok = await verify(target, password);
  } catch {
    ok = false;
  }
  return stored !== null && ok;
}
