// A lot's passport as one file that proves itself offline (README "Offline
// proofs"): JSON with what the passport says and, for every entry it rests
// on, a C2SP tlog-proof (tlog-proof.ts) whose extra data is the entry's exact
// bytes, all to the same signed checkpoint (with whatever cosignatures it
// was served with).
//
//   {
//     "format": "alutrace/lot-proof@v1",
//     "lotId": "PG01-261128-0001", "digest": "joyijfnleh",   the label
//     "log": { "origin": …, "verifierKey": … },              where it says it is from (not trusted)
//     "passport": { lot, upstream, inputs, omittedEntries }, the summary (checked against the entries)
//     "proofs": ["c2sp.org/tlog-proof@v1\nextra …\nindex 38\n…\n\n<checkpoint>", …]
//   }
//
// verifyLotProof rebuilds the passport from the proofs and runs the same
// checks the passport page runs online (verifyPassport), with the verifier
// key the reader trusts, plus the witnesses' cosignatures when asked.
import type { Passport, PassportEntry } from '../api/passport-api';
import { base64Decode, base64Encode, bytesToHex, hexToBytes, utf8Decode } from '../bytes';
import { readCheckpointNote } from '../checkpoint/checkpoint';
import { parseCosignerKey, verifyCosignatures } from '../checkpoint/cosignature';
import { type PassportCheck, type PassportVerification, verifyPassport } from '../lots/verify-passport';
import { hashLeaf } from '../merkle/hashes';
import { formatTlogProof, parseTlogProof, type TlogProof } from './tlog-proof';

export const LOT_PROOF_FORMAT = 'alutrace/lot-proof@v1';
/** The file name a proof downloads as. */
export const lotProofFileName = (lotId: string): string => `${lotId}.lot-proof.json`;
/** Larger files are refused unread (a passport lists at most 50 entries and 1 MiB of them). */
export const LOT_PROOF_MAX_BYTES = 4 * 1024 * 1024;

export interface LotProofFile {
  format: typeof LOT_PROOF_FORMAT;
  lotId: string;
  digest: string;
  /** The log, and the witnesses whose cosignatures the checkpoint carries (as the server knew them: not trusted). */
  log: { origin: string; verifierKey: string; witnesses: { name: string; vkey: string }[] };
  passport: Omit<Passport, 'entries' | 'checkpoint'>;
  proofs: string[];
}

/** The file for a passport (the server builds it from lots.passport; entries newer than the checkpoint cannot be in it). */
export function buildLotProof(
  passport: Passport,
  digest: string,
  witnesses: { name: string; vkey: string }[] = [],
): LotProofFile {
  const proofs = passport.entries.map((e) => {
    if (e.proof === null) throw new Error(`entry ${e.seq} is newer than the checkpoint`);
    const p: TlogProof = {
      extra: base64Decode(e.canonicalBase64),
      index: e.seq,
      hashes: e.proof.map(hexToBytes),
      checkpoint: passport.checkpoint.note,
    };
    return formatTlogProof(p);
  });
  const { entries: _e, checkpoint, ...summary } = passport;
  return {
    format: LOT_PROOF_FORMAT,
    lotId: passport.lot.lotId,
    digest,
    log: { origin: checkpoint.origin, verifierKey: checkpoint.verifierKey, witnesses },
    passport: summary,
    proofs,
  };
}

export interface LotProofVerification extends PassportVerification {
  /** The passport rebuilt from the file (for display), when the file could be read at all. */
  passport: Passport | null;
  /** The checkpoint the proofs lead to. */
  checkpoint: { origin: string; treeSize: number; rootHash: string; note: string } | null;
  /** One per witness key asked for: whether the checkpoint carries its valid cosignature. */
  witnesses: ProofWitnessCheck[];
  /**
   * The cosignatures the file names (log.witnesses), each checked with the key the file gives: who
   * says they witnessed this checkpoint. Informative only: a reader who trusts a witness passes its
   * key (witnessKeys), since whoever made the file chose these keys.
   */
  cosigners: ProofWitnessCheck[];
}

export interface ProofWitnessCheck {
  name: string;
  status: 'pass' | 'fail';
  /** When the witness cosigned (POSIX seconds); 0 when it did not. */
  timestamp: number;
  detail: string;
}

export interface VerifyLotProofOptions {
  /** The log's verifier key the reader trusts (`alutrace key`); default: the one the file names. */
  verifierKey?: string;
  /** The log's origin, when known. */
  origin?: string;
  /** The label's digest, when read from a label rather than from the file. */
  digest?: string;
  /** Witnesses (C2SP tlog-cosignature vkeys) whose cosignature the checkpoint must carry. */
  witnessKeys?: readonly string[];
}

function fail(detail: string): LotProofVerification {
  return {
    valid: false,
    checks: [{ check: 'entry', status: 'fail', detail }],
    passport: null,
    checkpoint: null,
    witnesses: [],
    cosigners: [],
  };
}

/** Checks a proof file's text on its own: nothing is fetched. */
export function verifyLotProof(text: string, options: VerifyLotProofOptions = {}): LotProofVerification {
  let file: LotProofFile;
  try {
    file = JSON.parse(text) as LotProofFile;
  } catch {
    return fail('the file is not JSON: not a lot proof, or damaged');
  }
  const shape = shapeProblem(file);
  if (shape) return fail(shape);
  const parsed: TlogProof[] = [];
  for (const [i, t] of file.proofs.entries()) {
    try {
      parsed.push(parseTlogProof(t));
    } catch (e) {
      return fail(`proof ${i + 1}: ${(e as Error).message}`);
    }
  }
  const note = parsed[0]?.checkpoint ?? '';
  if (parsed.some((p) => p.checkpoint !== note)) return fail('the proofs lead to different checkpoints');
  let cp: { origin: string; size: number; root: Uint8Array };
  try {
    cp = readCheckpointNote(note);
  } catch (e) {
    return fail(`the checkpoint cannot be read: ${(e as Error).message}`);
  }
  const createdSeq = file.passport.lot.createdSeq;
  const entries: PassportEntry[] = [];
  for (const p of parsed) {
    if (p.extra === null) return fail(`the proof of entry ${p.index} carries no entry bytes`);
    entries.push({
      seq: p.index,
      role: p.index === createdSeq ? 'created' : kindOf(p.extra) === 'correction.recorded' ? 'correction' : 'event',
      leafHash: bytesToHex(hashLeaf(p.extra)),
      canonicalBase64: base64Encode(p.extra),
      proof: p.hashes.map(bytesToHex),
    });
  }
  const passport: Passport = {
    ...file.passport,
    entries,
    checkpoint: {
      treeSize: cp.size,
      rootHash: bytesToHex(cp.root),
      note,
      origin: file.log.origin,
      verifierKey: file.log.verifierKey,
    },
  };
  const checks: PassportCheck[] = [];
  if (passport.lot.lotId !== file.lotId) {
    checks.push({
      check: 'created',
      status: 'fail',
      detail: `the file is for ${file.lotId}, its passport for ${passport.lot.lotId}`,
    });
  }
  let verification: PassportVerification;
  try {
    verification = verifyPassport(passport, options.verifierKey ?? file.log.verifierKey, {
      digest: options.digest ?? file.digest,
      ...(options.origin !== undefined ? { origin: options.origin } : {}),
    });
  } catch (e) {
    return fail(`the passport in the file cannot be checked: ${(e as Error).message}`);
  }
  checks.push(...verification.checks);
  const witnesses = (options.witnessKeys ?? []).map((k) => checkWitness(note, k));
  const cosigners = (Array.isArray(file.log.witnesses) ? file.log.witnesses : [])
    .filter((w) => typeof w?.vkey === 'string')
    .map((w) => checkWitness(note, w.vkey));
  return {
    valid:
      verification.valid && checks.every((c) => c.status !== 'fail') && witnesses.every((w) => w.status === 'pass'),
    checks,
    passport,
    checkpoint: { origin: cp.origin, treeSize: cp.size, rootHash: bytesToHex(cp.root), note },
    witnesses,
    cosigners,
  };
}

function checkWitness(note: string, vkey: string): ProofWitnessCheck {
  let key: ReturnType<typeof parseCosignerKey>;
  try {
    key = parseCosignerKey(vkey);
  } catch (e) {
    return {
      name: vkey.split('+')[0] ?? vkey,
      status: 'fail',
      timestamp: 0,
      detail: `not a witness key: ${(e as Error).message}`,
    };
  }
  try {
    const [found] = verifyCosignatures(note, [key]);
    return found
      ? { name: key.name, status: 'pass', timestamp: found.timestamp, detail: 'cosigned the checkpoint' }
      : { name: key.name, status: 'fail', timestamp: 0, detail: 'has not cosigned this checkpoint' };
  } catch (e) {
    return { name: key.name, status: 'fail', timestamp: 0, detail: (e as Error).message };
  }
}

function kindOf(bytes: Uint8Array): string | null {
  try {
    const v = JSON.parse(utf8Decode(bytes)) as { kind?: unknown };
    return typeof v.kind === 'string' ? v.kind : null;
  } catch {
    return null;
  }
}

function shapeProblem(f: unknown): string | null {
  if (typeof f !== 'object' || f === null || Array.isArray(f)) return 'the file is not a lot proof';
  const o = f as Record<string, unknown>;
  if (o.format !== LOT_PROOF_FORMAT) return `the file is not a lot proof (format ${LOT_PROOF_FORMAT})`;
  if (typeof o.lotId !== 'string' || typeof o.digest !== 'string') return 'the file names no lot and digest';
  const log = o.log as Record<string, unknown> | null;
  if (typeof log !== 'object' || log === null || typeof log.origin !== 'string' || typeof log.verifierKey !== 'string')
    return 'the file names no log';
  const p = o.passport as Record<string, unknown> | null;
  if (typeof p !== 'object' || p === null || typeof p.lot !== 'object' || p.lot === null)
    return 'the file holds no passport';
  if (!Array.isArray(p.inputs) || typeof p.omittedEntries !== 'number' || typeof p.upstream !== 'object')
    return 'the passport in the file is incomplete';
  const lot = p.lot as Record<string, unknown>;
  if (typeof lot.lotId !== 'string' || typeof lot.createdSeq !== 'number')
    return 'the passport in the file is incomplete';
  if (!Array.isArray(o.proofs) || o.proofs.length === 0 || !o.proofs.every((x) => typeof x === 'string'))
    return 'the file holds no proofs';
  return null;
}
