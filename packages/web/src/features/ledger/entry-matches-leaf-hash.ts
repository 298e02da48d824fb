import { canonicalBytes, type EntryView, entryLeafHashHex } from '@alutrace/shared';

/**
 * Whether the entry, as received, hashes to the leaf hash the server stored
 * for it: SHA-256(0x00 || JCS(entry)), RFC 6962 §2.1 over RFC 8785 bytes.
 * An entry edited in the database after it was written fails this check.
 */
export function entryMatchesLeafHash(view: EntryView): boolean {
  return entryLeafHashHex(canonicalBytes(view.entry)) === view.leafHash;
}
