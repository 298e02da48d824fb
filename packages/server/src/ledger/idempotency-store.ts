// Idempotency records of appends, per caller (scope) and key: a retried
// request with the same content returns its first result and writes nothing;
// the same key with other content is refused (DOMAIN.md rule 6).
import { canonicalBytes, canonicalize, type JsonValue } from '@alutrace/shared';
import { sha256 } from '@noble/hashes/sha2.js';
import type Database from 'better-sqlite3';
import { AppError } from '../errors';
import type { AppendOptions, EntrySource } from './types';

type IdempotencyRow = [fingerprint: Buffer, firstSeq: number, count: number, result: string];

export interface SeenRequest {
  fingerprint: Buffer;
  firstSeq: number;
  count: number;
  result: JsonValue;
}

/** What "the same request" hashes to; null for an append without a key. Checked before any transaction opens. */
export function requestFingerprint<R extends JsonValue>(source: EntrySource, options: AppendOptions<R>): Buffer | null {
  const idem = options.idempotency;
  if (idem === undefined) return null;
  if (idem.key.length === 0 || idem.key.length > 200) {
    throw new AppError('VALIDATION_FAILED', { fields: 'idempotencyKey (1–200 characters)' });
  }
  if (idem.scope.length === 0) throw new Error('an idempotency key needs the scope of who asked');
  const request = options.request ?? (typeof source === 'function' ? undefined : (source as unknown as JsonValue));
  if (request === undefined) throw new Error('an idempotent append built by a function needs options.request');
  return Buffer.from(sha256(canonicalBytes(request)));
}

export class IdempotencyStore {
  private readonly select: Database.Statement<[string, string], IdempotencyRow>;
  private readonly insert: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.select = sqlite
      .prepare<[string, string], IdempotencyRow>(
        'SELECT fingerprint, first_seq, count, result FROM ledger_idempotency WHERE scope = ? AND key = ?',
      )
      .raw();
    this.insert = sqlite.prepare(
      'INSERT INTO ledger_idempotency (scope, key, fingerprint, first_seq, count, result) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  find(scope: string, key: string): SeenRequest | null {
    const row = this.select.get(scope, key);
    return row
      ? { fingerprint: row[0], firstSeq: row[1], count: row[2], result: JSON.parse(row[3]) as JsonValue }
      : null;
  }

  record(scope: string, key: string, fingerprint: Buffer, firstSeq: number, count: number, result: JsonValue): void {
    this.insert.run(scope, key, fingerprint, firstSeq, count, canonicalize(result ?? null));
  }
}
