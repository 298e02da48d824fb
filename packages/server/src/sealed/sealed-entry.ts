// The ledger's side of a sealed record: which entries carry a `sealed`
// commitment (every lifecycle event), the commitment itself, and the two
// sites that may read the values behind it, all read from the entry's
// canonical bytes (what the ledger signs), never from the sealed table.
import { EVENT_SCHEMAS } from '@alutrace/shared';
import { eq } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { dispatches, ledgerEntries } from '../db/schema';

/** Entry kinds whose body holds a `sealed` commitment. */
export const SEALED_KINDS: readonly string[] = Object.entries(EVENT_SCHEMAS)
  .filter(([, s]) => s.sealed !== null)
  .map(([kind]) => kind);

export interface SealedEntry {
  seq: number;
  kind: string;
  site: string;
  recordedAt: string;
  /** The body's `sealed`: hex SHA-256 of RFC 8785 `{salt, …fields}`. */
  commitment: string;
  body: Record<string, unknown>;
}

interface EntryJson {
  seq: number;
  kind: string;
  site: string | null;
  recordedAt: string;
  body: Record<string, unknown> & { sealed?: unknown };
}

/** Reads a sealed entry from its stored canonical bytes; null when the entry carries no commitment. */
export function sealedEntryOf(canonical: Buffer): SealedEntry | null {
  const e = JSON.parse(canonical.toString('utf8')) as EntryJson;
  if (!SEALED_KINDS.includes(e.kind) || typeof e.body?.sealed !== 'string' || e.site === null) return null;
  return { seq: e.seq, kind: e.kind, site: e.site, recordedAt: e.recordedAt, commitment: e.body.sealed, body: e.body };
}

export function readSealedEntry(db: AppDb, seq: number): SealedEntry | null {
  const row = db
    .select({ canonical: ledgerEntries.canonical })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.seq, seq))
    .get();
  return row ? sealedEntryOf(row.canonical) : null;
}

/**
 * The other site of the event, which may read its sealed values too: the
 * receiver of a dispatch, the sender of a receipt, the buyer of a shipment
 * (the same as the lifecycle plans store beside the record).
 */
export function counterpartOf(db: AppDb, entry: SealedEntry): string | null {
  const b = entry.body;
  switch (entry.kind) {
    case 'lots.dispatched':
      return typeof b.to === 'string' ? b.to : null;
    case 'product.shipped':
      return typeof b.buyer === 'string' ? b.buyer : null;
    case 'lots.received': {
      if (typeof b.dispatchId !== 'string') return null;
      const d = db
        .select({ from: dispatches.fromSite })
        .from(dispatches)
        .where(eq(dispatches.dispatchId, b.dispatchId))
        .get();
      return d?.from ?? null;
    }
    default:
      return null;
  }
}
