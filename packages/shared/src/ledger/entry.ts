// The ledger entry: the unit that is hashed, chained and put in the tree.
//
//   { v: 1, seq, id, kind, site, actor, occurredAt, recordedAt, prev, body }
//
// `prev` is the hex leaf hash of entry seq − 1 (64 zeros for seq 0), `id` a
// UUIDv7, `body` the event's own fields. The leaf hash is
// SHA-256(0x00 || JCS(entry)), so the stored canonical bytes are the entry.
import { bytesToHex, utf8Decode } from '../bytes';
import { canonicalize, type JsonObject } from '../canonical-json';
import { hashLeaf } from '../merkle/hashes';

export const ENTRY_VERSION = 1;
export const GENESIS_PREV = '0'.repeat(64);

/**
 * Who acted. Domain code defines the variants (a user, a user through an API
 * token, the system); the ledger needs only `type` and `id`, and indexes `id`.
 */
export type Actor = { type: string; id: string } & JsonObject;

export interface LedgerEntry {
  v: typeof ENTRY_VERSION;
  seq: number;
  id: string;
  kind: string;
  site: string | null;
  actor: Actor;
  occurredAt: string;
  recordedAt: string;
  prev: string;
  body: JsonObject;
}

export const KIND_RE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
export const SITE_CODE_RE = /^[A-Z][A-Z0-9]{1,11}$/;
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const HASH_HEX_RE = /^[0-9a-f]{64}$/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks that a parsed value has exactly the entry's shape; returns a
 * description of the first problem, or null. Hand-written rather than a
 * schema because `verify` runs it once per entry.
 */
export function entryShapeProblem(v: unknown): string | null {
  if (!isPlainObject(v)) return 'the entry is not a JSON object';
  const keys = Object.keys(v);
  if (keys.length !== 10) return `the entry has ${keys.length} fields, not 10`;
  if (v.v !== ENTRY_VERSION) return 'unknown entry version';
  if (!Number.isSafeInteger(v.seq) || (v.seq as number) < 0) return 'seq is not a non-negative integer';
  if (typeof v.id !== 'string' || !UUID_RE.test(v.id)) return 'id is not a UUIDv7';
  if (typeof v.kind !== 'string' || !KIND_RE.test(v.kind)) return 'kind is not an event name like "site.created"';
  if (v.site !== null && (typeof v.site !== 'string' || !SITE_CODE_RE.test(v.site))) return 'site is not a site code';
  if (!isPlainObject(v.actor) || typeof v.actor.type !== 'string' || typeof v.actor.id !== 'string') {
    return 'actor is not an object with a type and an id';
  }
  if (typeof v.occurredAt !== 'string' || !INSTANT_RE.test(v.occurredAt))
    return 'occurredAt is not an ISO-8601 UTC instant';
  if (typeof v.recordedAt !== 'string' || !INSTANT_RE.test(v.recordedAt))
    return 'recordedAt is not an ISO-8601 UTC instant';
  if (typeof v.prev !== 'string' || !HASH_HEX_RE.test(v.prev)) return 'prev is not a hex SHA-256 hash';
  if (!isPlainObject(v.body)) return 'body is not an object';
  return null;
}

export class MalformedEntryError extends Error {
  override readonly name = 'MalformedEntryError';
}

/** Parses stored canonical bytes back into an entry, refusing anything that is not one. */
export function decodeEntry(bytes: Uint8Array): LedgerEntry {
  let value: unknown;
  try {
    value = JSON.parse(utf8Decode(bytes));
  } catch {
    throw new MalformedEntryError('the stored bytes are not UTF-8 JSON');
  }
  const problem = entryShapeProblem(value);
  if (problem) throw new MalformedEntryError(problem);
  return value as LedgerEntry;
}

/** The canonical text of an entry (RFC 8785): exactly what is stored and hashed. */
export function encodeEntry(entry: LedgerEntry): string {
  return canonicalize(entry);
}

export function entryLeafHash(canonical: Uint8Array): Uint8Array {
  return hashLeaf(canonical);
}

export function entryLeafHashHex(canonical: Uint8Array): string {
  return bytesToHex(hashLeaf(canonical));
}

/** The look-up columns stored beside an entry; `verify` checks them against the entry. */
export interface EntryIndexColumns {
  id: string;
  kind: string;
  site: string | null;
  actorId: string;
  occurredAt: string;
  recordedAt: string;
}

export const INDEX_COLUMN_NAMES = ['id', 'kind', 'site', 'actorId', 'occurredAt', 'recordedAt'] as const;

/**
 * The look-up columns joined into one string (U+001F between them, U+0000
 * for a null site), so that a verifier compares one value per row. Stores
 * build the same string from their columns.
 */
export function indexKey(c: EntryIndexColumns): string {
  return `${c.id}\u001f${c.kind}\u001f${c.site ?? '\u0000'}\u001f${c.actorId}\u001f${c.occurredAt}\u001f${c.recordedAt}`;
}

export function entryIndexKey(entry: LedgerEntry): string {
  return `${entry.id}\u001f${entry.kind}\u001f${entry.site ?? '\u0000'}\u001f${entry.actor.id}\u001f${entry.occurredAt}\u001f${entry.recordedAt}`;
}

/** Splits an index key back into its columns (for error messages). */
export function splitIndexKey(key: string): string[] {
  return key.split('\u001f').map((v) => (v === '\u0000' ? 'null' : v));
}
