// sealed.read: the decrypted sealed fields of one entry, for the recording
// site, the counterpart site and officials. Anyone else is told the same as
// for an entry without a record (NOT_FOUND), so a refusal reveals nothing.
// The values are checked against the entry's commitment before they are
// shown, and every read that shows them is written to the access log.
// Who may read is decided by the signed entry (its site, and the other site
// of the event), never by columns of the sealed table, which the commitment
// does not cover.
import { type Reach, type SealedView, sealedCommitmentOf } from '@alutrace/shared';
import { eq } from 'drizzle-orm';
import type { Principal } from '../auth/principal';
import type { AppDb } from '../db/open-database';
import { sealedErasures, sealedRecords } from '../db/schema';
import { AppError } from '../errors';
import { logAccess } from './access-log';
import { counterpartOf, readSealedEntry, type SealedEntry } from './sealed-entry';
import type { SealedPlaintext, SealedVault } from './vault';

export interface SealedDeps {
  db: AppDb;
  vault: SealedVault;
  now: () => Date;
  /** Told (without any sealed value) when a record fails its check. */
  warn: (fields: Record<string, unknown>, message: string) => void;
}

/** Who reads: the principal and how far their `sealed:read` grant reaches. */
export interface SealedReader {
  principal: Principal;
  reach: Reach;
}

/**
 * The site the reader acts for in reading a record of `site` (and
 * `counterpart`): one of theirs; null for a reader whose grant reaches
 * every site. Undefined when the reader may not read it.
 */
export function actingSite(
  reader: SealedReader,
  site: string | null,
  counterpart: string | null,
): string | null | undefined {
  if (reader.reach === 'all') return null;
  return [site, counterpart].find((s): s is string => s !== null && reader.principal.sites.includes(s));
}

export function readSealed(
  deps: SealedDeps,
  reader: SealedReader,
  input: { seq: number; purpose: string },
): SealedView {
  const { db } = deps;
  const unknown = () => new AppError('NOT_FOUND', { what: 'sealed record', id: String(input.seq) });
  const entry = readSealedEntry(db, input.seq);
  if (!entry) throw unknown();
  const counterpart = counterpartOf(db, entry);
  const site = actingSite(reader, entry.site, counterpart);
  if (site === undefined) throw unknown();
  const row = db.select().from(sealedRecords).where(eq(sealedRecords.seq, input.seq)).get();
  if (!row) {
    const erased = db.select().from(sealedErasures).where(eq(sealedErasures.seq, input.seq)).get();
    if (erased) {
      throw new AppError('SEALED_ERASED', { seq: input.seq, at: erased.erasedAt.slice(0, 10), reason: erased.reason });
    }
    throw unknown();
  }
  const plain = openChecked(deps, entry, row);
  const view: SealedView = {
    seq: entry.seq,
    kind: entry.kind,
    site: entry.site,
    counterpart,
    recordedAt: entry.recordedAt,
    fields: plain.fields,
    salt: plain.salt,
    commitment: entry.commitment,
    commitmentVerified: true,
  };
  logAccess(db, [{ seq: entry.seq, site }], { principal: reader.principal, purpose: input.purpose, at: deps.now() });
  return view;
}

/** Decrypts a record (bound to the entry's seq and kind) and checks it against the entry's commitment. */
function openChecked(deps: SealedDeps, entry: SealedEntry, row: typeof sealedRecords.$inferSelect): SealedPlaintext {
  let plain: SealedPlaintext;
  try {
    plain = deps.vault.open({ ...row, seq: entry.seq, kind: entry.kind });
    if (sealedCommitmentOf(plain.salt, plain.fields) === entry.commitment) return plain;
  } catch {
    // Unreadable (ciphertext, nonce or tag altered, or another key): the same answer as a mismatch.
  }
  deps.warn({ seq: entry.seq }, 'a sealed record does not match its commitment in the ledger');
  throw new AppError('SEALED_COMMITMENT_MISMATCH', { seq: entry.seq });
}
