// Which checkpoints of a ledger are cosigned, by whom and when, for `verify`,
// `verify-export` and the browser's verification view. Every cosignature is
// checked against its witness key and against the ledger's own checkpoint of
// that size: a cosignature on a checkpoint the ledger no longer holds means the
// ledger was rewritten after an official cosigned it.
import { bytesToHex } from '../bytes';
import {
  type CosignerKey,
  cosignatureOf,
  formatCosignatureLine,
  formatCosignerKey,
  parseCosignatureLine,
  verifyCosignatureLine,
} from './cosignature';
import { NoteError, parseNote } from './signed-note';

export interface CosignatureRecord {
  treeSize: number;
  /** The checkpoint text the witness signed. */
  body: string;
  /** The signature line. */
  line: string;
}

export type CosignatureProblemCode = 'BAD_COSIGNATURE' | 'COSIGNED_CHECKPOINT_MISSING' | 'MISSING_COSIGNATURE';

export interface CosignatureProblem {
  code: CosignatureProblemCode;
  witness: string;
  treeSize: number | null;
  message: string;
  messageZh: string;
}

export interface CosignatureFinding {
  witness: string;
  vkey: string;
  treeSize: number;
  /** POSIX seconds, the witness's clock. */
  timestamp: number;
  time: string;
}

export interface WitnessSummary {
  witness: string;
  vkey: string;
  /** Checkpoints it cosigned (verified). */
  checkpoints: number;
  latestSize: number | null;
  latestTime: string | null;
  /** Given with --witness-key: a cosignature by it is required. */
  required: boolean;
}

export interface CosignatureReport {
  ok: boolean;
  /** Every verified cosignature, by tree size then witness. */
  cosignatures: CosignatureFinding[];
  witnesses: WitnessSummary[];
  /** Cosignatures of keys the verifier was not given (not checked). */
  unknown: number;
  problems: CosignatureProblem[];
}

export interface CosignatureCheckInput {
  /** The ledger's checkpoints (already verified against its entries): tree size and text. */
  checkpoints: Iterable<{ treeSize: number; body: string }>;
  cosignatures: Iterable<CosignatureRecord>;
  /** Witness keys known to the verifier (registered, from the export's header, …). */
  keys: readonly CosignerKey[];
  /** Keys that must have cosigned at least one checkpoint of this ledger (--witness-key). */
  required?: readonly CosignerKey[];
}

const same = (a: { name: string; keyId: Uint8Array }, b: { name: string; keyId: Uint8Array }) =>
  a.name === b.name && bytesToHex(a.keyId) === bytesToHex(b.keyId);

const iso = (t: number): string => new Date(t * 1000).toISOString();

export function checkCosignatures(input: CosignatureCheckInput): CosignatureReport {
  const required = input.required ?? [];
  // A key given on the command line is trusted over one of the same name and id from the ledger.
  const keys = [...required, ...input.keys.filter((k) => !required.some((r) => same(r, k)))];
  const bodies = new Map<number, string>();
  for (const c of input.checkpoints) bodies.set(c.treeSize, c.body);
  const problems: CosignatureProblem[] = [];
  const found: CosignatureFinding[] = [];
  let unknown = 0;
  for (const rec of input.cosignatures) {
    let name = '?';
    try {
      const parsed = parseCosignatureLine(rec.line);
      name = parsed.name;
      const key = keys.find((k) => same(k, parsed));
      if (!key) {
        unknown++;
        continue;
      }
      const timestamp = verifyCosignatureLine(rec.body, rec.line, key);
      if (bodies.get(rec.treeSize) !== rec.body) {
        problems.push({
          code: 'COSIGNED_CHECKPOINT_MISSING',
          witness: key.name,
          treeSize: rec.treeSize,
          message: `${key.name} cosigned a checkpoint of tree size ${rec.treeSize} (at ${iso(timestamp)}) that this ledger does not hold: the ledger was rewritten or cut after it was cosigned`,
          messageZh: `${key.name} 于 ${iso(timestamp)} 副署了树大小为 ${rec.treeSize} 的检查点，但本账本中没有该检查点：账本在副署之后被改写或截断`,
        });
        continue;
      }
      found.push({
        witness: key.name,
        vkey: formatCosignerKey(key),
        treeSize: rec.treeSize,
        timestamp,
        time: iso(timestamp),
      });
    } catch (e) {
      const detail = e instanceof NoteError ? e.message : String(e);
      problems.push({
        code: 'BAD_COSIGNATURE',
        witness: name,
        treeSize: rec.treeSize,
        message: `the cosignature by ${name} on tree size ${rec.treeSize} does not verify (${detail}): it was altered or forged`,
        messageZh: `${name} 对树大小 ${rec.treeSize} 的副署签名验证失败（${detail}）：已被改动或伪造`,
      });
    }
  }
  found.sort((a, b) => a.treeSize - b.treeSize || a.witness.localeCompare(b.witness));
  const witnesses: WitnessSummary[] = keys.map((k) => {
    const mine = found.filter((f) => f.witness === k.name && f.vkey === formatCosignerKey(k));
    const last = mine[mine.length - 1];
    return {
      witness: k.name,
      vkey: formatCosignerKey(k),
      checkpoints: mine.length,
      latestSize: last?.treeSize ?? null,
      latestTime: last?.time ?? null,
      required: required.some((r) => same(r, k)),
    };
  });
  for (const w of witnesses) {
    if (w.required && w.checkpoints === 0) {
      problems.push({
        code: 'MISSING_COSIGNATURE',
        witness: w.witness,
        treeSize: null,
        message: `no checkpoint of this ledger carries a valid cosignature by ${w.witness}, which --witness-key requires`,
        messageZh: `本账本没有任何检查点带有 ${w.witness} 的有效副署签名（--witness-key 要求必须有）`,
      });
    }
  }
  return {
    ok: problems.length === 0,
    cosignatures: found,
    witnesses: witnesses.filter((w) => w.checkpoints > 0 || w.required),
    unknown,
    problems,
  };
}

/** The cosignature lines on a checkpoint note (every signature line that is 76 bytes long), as records. */
export function cosignatureRecordsOf(treeSize: number, note: string): CosignatureRecord[] {
  const { text, signatures } = parseNote(note);
  const out: CosignatureRecord[] = [];
  for (const sig of signatures) {
    const c = cosignatureOf(sig);
    if (c) out.push({ treeSize, body: text, line: formatCosignatureLine(c) });
  }
  return out;
}
