// Inputs and outputs of the witness.* procedures and ledger.checkpoint:
// officials' witness keys (C2SP tlog-cosignature v1, Ed25519) and the
// cosignatures they make on the server's signed checkpoints.
import { z } from 'zod';

const vkey = z.string().trim().min(10).max(400);

export const registerWitnessInput = z.object({
  /** The key name, as in the vkey (e.g. "baise.gov.cn/witness-li"): no spaces or "+". */
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\s+]+$/u, 'no spaces or "+"'),
  /** `name+keyid+base64(0x04 || Ed25519 public key)`. */
  vkey,
});
export type RegisterWitnessInput = z.input<typeof registerWitnessInput>;

export const cosignInput = z.object({
  /**
   * The checkpoint cosigned: its note as the server served it, or only its
   * body (origin, size, root lines). Must be exactly a checkpoint the server signed.
   */
  checkpoint: z.string().min(1).max(8192),
  /** The cosignature line: `— name base64(keyid || timestamp || signature)`. */
  cosignature: z.string().min(10).max(400),
});
export type CosignInput = z.input<typeof cosignInput>;

export const witnessLatestInput = z.object({ vkey });

export const checkpointInput = z
  .object({
    /** Defaults to the head checkpoint's size. */
    treeSize: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .default({});

export interface WitnessView {
  name: string;
  keyId: string;
  vkey: string;
  registeredAt: string;
  /** True when the caller registered it. */
  mine: boolean;
  /** The largest checkpoint it cosigned, or null. */
  latest: { treeSize: number; timestamp: number; cosignedAt: string } | null;
  cosignatures: number;
}

export interface CosignatureView {
  witness: string;
  keyId: string;
  vkey: string;
  treeSize: number;
  /** The cosignature's own timestamp (POSIX seconds, the witness's clock). */
  timestamp: number;
  /** When the server received it. */
  receivedAt: string;
  /** The signature line, newline included. */
  line: string;
}

export interface CosignResult {
  treeSize: number;
  witness: string;
  timestamp: number;
  /** The checkpoint note with every cosignature it now carries. */
  cosignedNote: string;
  /** True when this cosignature (the witness on this tree size) was already stored: nothing was written. */
  duplicate: boolean;
}

export interface CosignedCheckpointView {
  treeSize: number;
  rootHash: string;
  /** As the server signed it (its signature line only). */
  note: string;
  /** The same note with every stored cosignature line appended. */
  cosignedNote: string;
  createdAt: string;
  origin: string;
  verifierKey: string;
  cosignatures: CosignatureView[];
}

/** The last checkpoint a witness cosigned (from the server's store; the witness checks its own signature). */
export interface WitnessLatestView {
  witness: string;
  latest: (CosignatureView & { note: string; cosignedNote: string }) | null;
}
