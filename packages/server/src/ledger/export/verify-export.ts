// Verifies an export file with nothing but the file (and, ideally, a
// verifier key obtained elsewhere): recomputes every leaf hash, the chain,
// the tree and every checkpoint's root and signature, in one streaming pass.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  type CosignatureRecord,
  type CosignatureReport,
  type CosignerKey,
  checkCosignatures,
  cosignatureRecordsOf,
  formatVerifierKey,
  hexToBytes,
  indexKey,
  NoteError,
  type NoteVerifier,
  noteBody,
  parseCosignerKey,
  parseVerifierKey,
  readCheckpointNote,
  type StoredCheckpoint,
  type VerifiableRow,
  type VerifyReport,
  verifyFailure,
  verifyRowStream,
} from '@alutrace/shared';
import { EXPORT_FORMAT, type ExportEntryLine, type ExportHeader } from './export-format';

export interface VerifyExportOptions {
  /** The verifier key to trust; without it the key in the file's header is used. */
  verifierKey?: string;
  /**
   * A checkpoint note saved earlier: the file must contain its tree (same
   * root at its size), so a file cut short, with the checkpoints that would
   * betray it removed, is still found out.
   */
  trustedCheckpoint?: string;
  /** Told every few thousand entries: entries read of the tree size the header claims. */
  onProgress?: (done: number, total: number) => void;
  /** Witness keys (vkeys) that must have cosigned a checkpoint in the file (--witness-key). */
  witnessKeys?: string[];
}

export interface VerifyExportReport extends VerifyReport {
  /** True when signatures were checked against the file's own key rather than one given. */
  keyFromFile: boolean;
  /** Which checkpoints are cosigned, by whom and when (README "Cosigning checkpoints"). */
  cosignatures: CosignatureReport;
}

class ExportFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export async function verifyExportFile(file: string, options: VerifyExportOptions = {}): Promise<VerifyExportReport> {
  const started = performance.now();
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  })[Symbol.asyncIterator]();
  let lineNo = 0;
  const nextLine = async (): Promise<unknown | undefined> => {
    const r = await lines.next();
    if (r.done) return undefined;
    lineNo++;
    try {
      return JSON.parse(r.value);
    } catch {
      throw new ExportFormatError(lineNo, 'not JSON');
    }
  };

  let verifier: NoteVerifier | undefined;
  let keyText = options.verifierKey ?? '';
  // Usage errors (a --witness-key that is not a key) throw before anything is read.
  const required: CosignerKey[] = (options.witnessKeys ?? []).map((k) => parseCosignerKey(k));
  const fail = (line: number, detail: string): VerifyExportReport => ({
    ok: false,
    entriesChecked: 0,
    treeSize: 0,
    rootHash: '',
    checkpointsChecked: 0,
    coveredSize: 0,
    trustedSize: null,
    verifierKey: keyText,
    durationMs: Math.round(performance.now() - started),
    threads: 1,
    failure: verifyFailure('MALFORMED_EXPORT', null, { line, detail }),
    keyFromFile: options.verifierKey === undefined,
    cosignatures: checkCosignatures({ checkpoints: [], cosignatures: [], keys: [], required }),
  });

  try {
    const header = (await nextLine()) as ExportHeader | undefined;
    if (!header || header.type !== EXPORT_FORMAT)
      return fail(1, `the file does not start with an ${EXPORT_FORMAT} header`);
    if (header.version !== 1) return fail(1, `export version ${String(header.version)} is not supported`);
    try {
      verifier = parseVerifierKey(options.verifierKey ?? header.verifierKey);
    } catch (e) {
      return fail(1, e instanceof NoteError ? e.message : 'bad verifier key');
    }
    keyText = formatVerifierKey(verifier);

    const checkpoints: StoredCheckpoint[] = [];
    const cosigned: CosignatureRecord[] = [];
    const bodies: { treeSize: number; body: string }[] = [];
    let pending: ExportEntryLine | undefined;
    for (;;) {
      const line = (await nextLine()) as { type?: string } | undefined;
      if (!line) break;
      if (line.type === 'checkpoint') {
        const c = line as { treeSize: number; note: string };
        if (!Number.isSafeInteger(c.treeSize) || typeof c.note !== 'string')
          return fail(lineNo, 'a checkpoint line needs treeSize and note');
        checkpoints.push({ size: c.treeSize, note: c.note });
        try {
          bodies.push({ treeSize: c.treeSize, body: noteBody(c.note) });
          cosigned.push(...cosignatureRecordsOf(c.treeSize, c.note));
        } catch {
          // an unreadable note fails the checkpoint verification below
        }
        continue;
      }
      if (line.type === 'entry') {
        pending = line as ExportEntryLine;
        break;
      }
      return fail(lineNo, `unknown line type "${String(line.type)}"`);
    }

    const claimed = Number.isSafeInteger(header.treeSize) ? header.treeSize : 0;
    async function* rows(): AsyncGenerator<VerifiableRow> {
      let line = pending;
      let read = 0;
      options.onProgress?.(0, claimed);
      while (line) {
        yield toRow(line, lineNo);
        if (++read % 4096 === 0) options.onProgress?.(read, claimed);
        const next = (await nextLine()) as ExportEntryLine | undefined;
        if (next && next.type !== 'entry')
          throw new ExportFormatError(lineNo, 'checkpoint lines must come before entries');
        line = next;
      }
      options.onProgress?.(read, claimed);
    }

    if (options.trustedCheckpoint !== undefined) {
      let size: number;
      try {
        size = readCheckpointNote(options.trustedCheckpoint).size;
      } catch (e) {
        return fail(0, `the trusted checkpoint cannot be read: ${(e as Error).message}`);
      }
      checkpoints.push({ size, note: options.trustedCheckpoint });
    }
    const result = await verifyRowStream(rows(), { verifier, origin: header.origin, checkpoints });
    const fileKeys: CosignerKey[] = [];
    for (const k of Array.isArray(header.witnessKeys) ? header.witnessKeys : []) {
      try {
        fileKeys.push(parseCosignerKey(String(k)));
      } catch {
        return fail(1, `the header's witness key "${String(k)}" is not a witness key`);
      }
    }
    const cosignatures = checkCosignatures({ checkpoints: bodies, cosignatures: cosigned, keys: fileKeys, required });
    return {
      ok: result.failure === null && cosignatures.ok,
      cosignatures,
      ...result,
      trustedSize: null,
      verifierKey: keyText,
      durationMs: Math.round(performance.now() - started),
      threads: 1,
      keyFromFile: options.verifierKey === undefined,
    };
  } catch (e) {
    if (e instanceof ExportFormatError) return fail(e.line, e.message);
    throw e;
  }
}

const utf8 = new TextEncoder();

function toRow(line: ExportEntryLine, lineNo: number): VerifiableRow {
  if (
    !Number.isSafeInteger(line.seq) ||
    typeof line.canonical !== 'string' ||
    typeof line.leafHash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(line.leafHash)
  ) {
    throw new ExportFormatError(lineNo, 'an entry line needs seq, leafHash and canonical');
  }
  return {
    seq: line.seq,
    canonical: utf8.encode(line.canonical),
    leafHash: hexToBytes(line.leafHash),
    indexKey: indexKey({
      id: String(line.id),
      kind: String(line.kind),
      site: line.site === null ? null : String(line.site),
      actorId: String(line.actorId),
      occurredAt: String(line.occurredAt),
      recordedAt: String(line.recordedAt),
    }),
  };
}
