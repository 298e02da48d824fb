// A new entry as it will be hashed: the fields the ledger adds (seq, id,
// times, the link to the previous leaf) around what the caller gave, and its
// exact RFC 8785 bytes — refused when they cannot be canonical or are too large.
import { CanonicalJsonError, canonicalBytes, ENTRY_VERSION, type LedgerEntry } from '@alutrace/shared';
import { AppError } from '../errors';
import { newEntryId } from './entry-id';
import type { NewEntry } from './types';
import { MAX_ENTRY_BYTES } from './validate-new-entry';

export function buildEntry(
  input: NewEntry,
  at: { seq: number; prev: string; recordedAt: string },
  /** The entry's place in its append, for messages. */
  index: number,
): { entry: LedgerEntry; bytes: Uint8Array } {
  const entry: LedgerEntry = {
    v: ENTRY_VERSION,
    seq: at.seq,
    id: newEntryId(),
    kind: input.kind,
    site: input.site,
    actor: input.actor,
    occurredAt: input.occurredAt ?? at.recordedAt,
    recordedAt: at.recordedAt,
    prev: at.prev,
    body: input.body,
  };
  let bytes: Uint8Array;
  try {
    bytes = canonicalBytes(entry);
  } catch (e) {
    if (e instanceof CanonicalJsonError) {
      throw new AppError('INVALID_ENTRY', { detail: `entry ${index}: ${e.message.replace(/^\$/, 'entry')}` });
    }
    throw e;
  }
  if (bytes.length > MAX_ENTRY_BYTES) {
    throw new AppError('INVALID_ENTRY', {
      detail: `entry ${index} is ${bytes.length} bytes; the limit is ${MAX_ENTRY_BYTES}`,
    });
  }
  return { entry, bytes };
}
