// Who cosigned a checkpoint, checked here rather than taken from the server:
// the log's signature on the note against its key, then every cosignature
// line against the witness keys registered (checkCosignatures, as the CLI's
// `verify` does). Pure and free of React: the passport page uses it too.
import {
  type CosignatureFinding,
  type CosignatureProblem,
  type CosignerKey,
  checkCosignatures,
  NoteError,
  noteBody,
  parseCosignerKey,
  parseVerifierKey,
  readCheckpointNote,
  verifyCheckpoint,
} from '@alutrace/shared';

export interface CosignedCheckpointInput {
  treeSize: number;
  note: string;
  cosignatures: readonly { treeSize: number; line: string }[];
}

export interface CosignedBy {
  /** Null when the log's signature verified; else why not (then no cosignature counts). */
  signatureError: string | null;
  treeSize: number;
  rootHex: string;
  cosigned: CosignatureFinding[];
  problems: CosignatureProblem[];
}

export function checkCosignedBy(
  checkpoint: CosignedCheckpointInput,
  logKey: string,
  witnessKeys: readonly string[],
): CosignedBy {
  const cp = readCheckpointNote(checkpoint.note);
  const rootHex = [...cp.root].map((b) => b.toString(16).padStart(2, '0')).join('');
  try {
    verifyCheckpoint(checkpoint.note, parseVerifierKey(logKey));
  } catch (e) {
    return {
      signatureError: e instanceof NoteError ? e.message : String(e),
      treeSize: cp.size,
      rootHex,
      cosigned: [],
      problems: [],
    };
  }
  const keys: CosignerKey[] = [];
  for (const vkey of witnessKeys) {
    try {
      keys.push(parseCosignerKey(vkey));
    } catch {
      // A key that cannot be read cannot vouch for anything.
    }
  }
  const body = noteBody(checkpoint.note);
  const report = checkCosignatures({
    checkpoints: [{ treeSize: cp.size, body }],
    cosignatures: checkpoint.cosignatures
      .filter((c) => c.treeSize === cp.size)
      .map((c) => ({ treeSize: cp.size, body, line: c.line })),
    keys,
  });
  return { signatureError: null, treeSize: cp.size, rootHex, cosigned: report.cosignatures, problems: report.problems };
}
