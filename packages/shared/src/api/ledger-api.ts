// Inputs and outputs of the ledger.* procedures: validated by the server,
// typed for the web app. Timestamps are ISO-8601 strings, hashes lower-case hex.
import { z } from 'zod';
import type { LedgerEntry } from '../ledger/entry';

const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const entriesInput = z.object({
  /** Exclusive: the page continues after this seq, in the chosen order. */
  cursor: seq.optional(),
  /**
   * Newest first (the default) or oldest first. Not called `direction`:
   * tRPC's infinite queries overwrite a field of that name.
   */
  order: z.enum(['newest', 'oldest']).default('newest'),
  /**
   * At most 100: an entry may be up to 64 KiB of canonical bytes and each
   * item carries them twice (`entry`, and `canonicalBase64` at 4/3 the size),
   * so a full page stays under about 15 MiB.
   */
  limit: z.number().int().min(1).max(100).default(50),
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_.]*$/, 'an event name like "site.created"')
    .max(100)
    .optional(),
  site: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{1,11}$/, 'a site code like "PG01"')
    .optional(),
});
export type EntriesInput = z.input<typeof entriesInput>;

export const entryInput = z.union([z.object({ seq }), z.object({ id: z.string().uuid('a UUID') })]);

export const inclusionProofInput = z.object({
  seq,
  /** Defaults to the head checkpoint's size. */
  treeSize: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

export const consistencyProofInput = z.object({
  from: seq,
  /** Defaults to the head checkpoint's size. */
  to: seq.optional(),
});

export const verifyInput = z
  .object({
    /** A checkpoint note trusted from an earlier verification. */
    trustedCheckpoint: z.string().min(1).max(4096).optional(),
  })
  .default({});

/**
 * One ledger entry with what a verifier needs to check it without an RFC 8785
 * implementation of its own:
 * - decode `canonicalBase64` (standard base64, padded) to bytes: the exact
 *   RFC 8785 JSON the ledger stored;
 * - `leafHash` = SHA-256(0x00 || bytes), the RFC 6962 §2.1 leaf hash, in hex;
 * - the bytes, parsed as UTF-8 JSON, equal `entry`.
 */
export interface EntryView {
  seq: number;
  leafHash: string;
  entry: LedgerEntry;
  canonicalBase64: string;
}

export interface EntriesPage {
  items: EntryView[];
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor: number | null;
  treeSize: number;
  /**
   * Today's names of the page's user and token actors (`user:<id>`, `token:<id>`),
   * for readers of every site (officials, admins); empty for the others.
   */
  actorNames: Record<string, string>;
}

export interface HeadView {
  treeSize: number;
  rootHash: string;
  note: string;
  createdAt: string;
  origin: string;
  verifierKey: string;
}

export interface PublicKeyView {
  verifierKey: string;
  keyName: string;
  keyId: string;
  algorithm: 'Ed25519';
  publicKey: string;
  origin: string;
}

export interface InclusionProofView {
  seq: number;
  treeSize: number;
  leafHash: string;
  proof: string[];
  rootHash: string;
  /** The signed checkpoint of that tree size, when one was signed. */
  checkpoint: string | null;
}

export interface ConsistencyProofView {
  from: number;
  to: number;
  proof: string[];
  fromRoot: string;
  toRoot: string;
}
