// C2SP tlog-proof v1 (https://c2sp.org/tlog-proof): an offline-verifiable
// proof that an entry is in a log, as text.
//
//   c2sp.org/tlog-proof@v1
//   extra <base64 opaque data>          (optional; here: the entry's bytes)
//   index <decimal, no leading zeros>
//   <base64 hash>                       (zero or more: the RFC 6962 inclusion
//   …                                    proof, leaf's sibling first)
//                                       (an empty line)
//   <the checkpoint note, verbatim, signature and cosignature lines included>
//
// The extra data is not authenticated by the format: here it is the entry's
// bytes, which the proof authenticates once SHA-256(0x00 ‖ extra) is taken as
// the leaf hash and the inclusion proof leads to the signed root.
import { base64Decode, base64Encode } from '../bytes';
import { HASH_SIZE } from '../merkle/hashes';

export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';

export interface TlogProof {
  extra: Uint8Array | null;
  index: number;
  hashes: Uint8Array[];
  /** The checkpoint note, as it was served. */
  checkpoint: string;
}

export class TlogProofError extends Error {
  override readonly name = 'TlogProofError';
}

export function formatTlogProof(p: TlogProof): string {
  const lines = [TLOG_PROOF_HEADER];
  if (p.extra !== null) lines.push(`extra ${base64Encode(p.extra)}`);
  lines.push(`index ${p.index}`);
  for (const h of p.hashes) lines.push(base64Encode(h));
  return `${lines.join('\n')}\n\n${p.checkpoint}`;
}

// Standard base64 with padding, in its one canonical spelling (so that no two texts are the same proof).
const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function strictBase64(text: string, what: string): Uint8Array {
  if (!B64.test(text)) throw new TlogProofError(`${what} is not base64`);
  const bytes = base64Decode(text);
  if (base64Encode(bytes) !== text) throw new TlogProofError(`${what} is not base64 in its canonical form`);
  return bytes;
}

export function parseTlogProof(text: string): TlogProof {
  const split = text.indexOf('\n\n');
  if (split < 0) throw new TlogProofError('a tlog-proof has its proof lines, an empty line, then the checkpoint');
  const lines = text.slice(0, split).split('\n');
  const checkpoint = text.slice(split + 2);
  if (lines[0] !== TLOG_PROOF_HEADER) throw new TlogProofError(`the first line must be ${TLOG_PROOF_HEADER}`);
  let at = 1;
  let extra: Uint8Array | null = null;
  if (lines[at]?.startsWith('extra ')) {
    extra = strictBase64((lines[at] as string).slice(6), 'the extra data');
    at++;
  }
  const indexLine = lines[at] ?? '';
  const m = /^index (0|[1-9][0-9]*)$/.exec(indexLine);
  if (!m || !Number.isSafeInteger(Number(m[1]))) throw new TlogProofError('the index line is "index N", N in decimal');
  const index = Number(m[1]);
  const hashes = lines.slice(at + 1).map((line, i) => {
    const h = strictBase64(line, `proof hash ${i + 1}`);
    if (h.length !== HASH_SIZE) throw new TlogProofError(`proof hash ${i + 1} is not a SHA-256 hash`);
    return h;
  });
  if (checkpoint.length === 0) throw new TlogProofError('the checkpoint is missing');
  return { extra, index, hashes, checkpoint };
}
