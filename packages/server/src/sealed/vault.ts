// Sealed fields at rest (DOMAIN.md "What is public and what is sealed").
// An event's sealed values and their salt are encrypted with AES-256-GCM
// (a fresh 12-byte nonce per record; the entry's seq and kind as associated
// data, so a record cannot be moved to another entry) and kept in
// sealed_records; the entry holds only the commitment. Seller ID numbers
// and credit codes are found through an HMAC in seller_index. Reading a
// record is logged in sealed_access_log by the caller (read-sealed.ts).
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { canonicalBytes, type JsonObject, type JsonValue, sealedCommitmentOf } from '@alutrace/shared';
import { eq, sql } from 'drizzle-orm';
import type { AppDb } from '../db/open-database';
import { perDatabase } from '../db/per-database';
import { sealedRecords, sellerIndex } from '../db/schema';
import type { VaultKeys } from './vault-key';

/** Sealed values on their way into an entry: the salt and the commitment the body carries. */
export interface Sealing {
  salt: string;
  fields: JsonObject;
  commitment: string;
}

export interface SealedPlaintext {
  salt: string;
  fields: JsonObject;
}

export interface StoreSealed {
  seq: number;
  kind: string;
  site: string;
  counterpart: string | null;
  recordedAt: string;
  sealing: Sealing;
  /** Resident ID numbers or credit codes to index (normalised). */
  searchIds?: readonly string[];
}

const p = (name: string) => sql.placeholder(name);

const queries = perDatabase((db) => ({
  insertRecord: db
    .insert(sealedRecords)
    .values({
      seq: p('seq'),
      kind: p('kind'),
      site: p('site'),
      counterpart: p('counterpart'),
      recordedAt: p('recordedAt'),
      nonce: p('nonce'),
      ciphertext: p('ciphertext'),
      tag: p('tag'),
    })
    .prepare(),
  insertIndex: db
    .insert(sellerIndex)
    .values({ keyedHash: p('keyedHash'), seq: p('seq') })
    .onConflictDoNothing()
    .prepare(),
}));

export class SealedVault {
  constructor(private readonly keys: VaultKeys) {}

  /** A fresh salt and the commitment to `fields`. */
  seal(fields: JsonObject): Sealing {
    const salt = randomBytes(16).toString('hex');
    return { salt, fields, commitment: sealedCommitmentOf(salt, fields, nodeSha256) };
  }

  /** The keyed hash a seller's ID number or credit code is found by. */
  searchKey(id: string): Buffer {
    const normalised = id.replace(/\s+/g, '').toUpperCase();
    return createHmac('sha256', this.keys.index).update(`seller-id:${normalised}`).digest();
  }

  /**
   * A keyed digest of sealed values, for comparing requests (idempotency)
   * without keeping anything a guess could be checked against: unlike a
   * plain hash, it cannot be brute-forced over a small space such as a
   * price or a birth date without the server's key.
   */
  keyedDigest(value: JsonValue): string {
    return createHmac('sha256', this.keys.index).update('request:').update(canonicalBytes(value)).digest('hex');
  }

  /** Writes the record (inside the append's transaction). */
  store(db: AppDb, record: StoreSealed): void {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.encryption, nonce);
    cipher.setAAD(aad(record.seq, record.kind));
    // Any JSON will do inside the ciphertext: the commitment is over the canonical form, computed on reading.
    const plaintext = Buffer.from(JSON.stringify({ salt: record.sealing.salt, fields: record.sealing.fields }), 'utf8');
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const q = queries(db);
    q.insertRecord.run({
      seq: record.seq,
      kind: record.kind,
      site: record.site,
      counterpart: record.counterpart,
      recordedAt: record.recordedAt,
      nonce,
      ciphertext,
      tag: cipher.getAuthTag(),
    });
    for (const id of new Set(record.searchIds ?? []))
      q.insertIndex.run({ keyedHash: this.searchKey(id), seq: record.seq });
  }

  /** Decrypts a stored record; throws when it was tampered with or the key is wrong. */
  open(row: { seq: number; kind: string; nonce: Buffer; ciphertext: Buffer; tag: Buffer }): SealedPlaintext {
    const decipher = createDecipheriv('aes-256-gcm', this.keys.encryption, row.nonce);
    decipher.setAAD(aad(row.seq, row.kind));
    decipher.setAuthTag(row.tag);
    const bytes = Buffer.concat([decipher.update(row.ciphertext), decipher.final()]);
    const parsed = JSON.parse(bytes.toString('utf8')) as { salt: string; fields: JsonObject };
    return { salt: parsed.salt, fields: parsed.fields };
  }

  /** The record of entry `seq`, or null (never recorded, or erased). */
  read(db: AppDb, seq: number): SealedPlaintext | null {
    const row = db.select().from(sealedRecords).where(eq(sealedRecords.seq, seq)).get();
    return row ? this.open(row) : null;
  }
}

function nodeSha256(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(bytes).digest();
}

function aad(seq: number, kind: string): Buffer {
  return Buffer.from(`alutrace-sealed:v1:${seq}:${kind}`, 'utf8');
}
