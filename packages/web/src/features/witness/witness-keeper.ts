// What the official's browser keeps for its witness, per signed-in official
// (README "The browser witness"): the key (secret key included, never sent),
// the witness state cosignRound needs, the rounds it made and the evidence of
// any round it refused. All in IndexedDB (browser-store.ts).
import {
  type Cosigner,
  type ForkEvidence,
  formatCosignerKey,
  readWitnessKeyFile,
  type WitnessState,
  witnessKeyFileText,
} from '@alutrace/shared';
import { deleteValue, readValue, writeValue } from './browser-store';

export interface StoredWitness {
  name: string;
  /** The 32-byte Ed25519 secret key. */
  secretKey: Uint8Array;
  publicKey: Uint8Array;
  keyId: Uint8Array;
  vkey: string;
  createdAt: string;
}

/** One cosignature this browser made. */
export interface CosignedRound {
  treeSize: number;
  rootHash: string;
  /** The tree size it was shown consistent with (0: the first). */
  from: number;
  cosignedAt: string;
  duplicate: boolean;
}

export interface StoredEvidence {
  savedAt: string;
  evidence: ForkEvidence;
}

const keyOf = (owner: string, what: string): string => `witness:${owner}:${what}`;

export function toCosigner(w: StoredWitness): Cosigner {
  return { name: w.name, secretKey: w.secretKey, publicKey: w.publicKey, keyId: w.keyId };
}

export function fromCosigner(c: Cosigner, createdAt = new Date().toISOString()): StoredWitness {
  return {
    name: c.name,
    secretKey: c.secretKey,
    publicKey: c.publicKey,
    keyId: c.keyId,
    vkey: formatCosignerKey(c),
    createdAt,
  };
}

export const loadWitness = (owner: string) => readValue<StoredWitness>(keyOf(owner, 'key'));
export const saveWitness = (owner: string, w: StoredWitness) => writeValue(keyOf(owner, 'key'), w);

export const loadState = (owner: string) => readValue<WitnessState>(keyOf(owner, 'state'));
export const saveState = (owner: string, s: WitnessState) => writeValue(keyOf(owner, 'state'), s);

export async function loadRounds(owner: string): Promise<CosignedRound[]> {
  return (await readValue<CosignedRound[]>(keyOf(owner, 'rounds'))) ?? [];
}

export async function addRound(owner: string, round: CosignedRound): Promise<void> {
  const rounds = await loadRounds(owner);
  await writeValue(keyOf(owner, 'rounds'), [round, ...rounds].slice(0, 500));
}

export async function loadEvidence(owner: string): Promise<StoredEvidence[]> {
  return (await readValue<StoredEvidence[]>(keyOf(owner, 'evidence'))) ?? [];
}

/** Evidence is never dropped: each refusal adds one. */
export async function addEvidence(owner: string, evidence: ForkEvidence): Promise<void> {
  const all = await loadEvidence(owner);
  await writeValue(keyOf(owner, 'evidence'), [{ savedAt: new Date().toISOString(), evidence }, ...all]);
}

/** Forgets the key and its state (the evidence stays). */
export async function forgetWitness(owner: string): Promise<void> {
  await deleteValue(keyOf(owner, 'key'));
  await deleteValue(keyOf(owner, 'state'));
  await deleteValue(keyOf(owner, 'rounds'));
}

/** The backup file: the CLI's key file format (`alutrace witness cosign --key-file` reads it). */
export function backupText(w: StoredWitness): string {
  return witnessKeyFileText(toCosigner(w), new Date(w.createdAt));
}

export function readBackup(text: string): StoredWitness {
  return fromCosigner(readWitnessKeyFile(text));
}

export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function evidenceFilename(e: ForkEvidence): string {
  return `alutrace-fork-evidence-${e.previous.treeSize}-${e.next.treeSize}-${e.detectedAt.replace(/[:.]/g, '-')}.json`;
}

export function evidenceText(e: ForkEvidence): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}
