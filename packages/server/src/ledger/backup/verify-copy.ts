// Verifies a copied data directory — a fresh backup, or a restore before it
// is put in place — with the same verifier as `alutrace verify`, proves that
// it extends a trusted checkpoint (the live head when it was taken), and checks
// that its signing key is the expected one (the live ledger's, the manifest's):
// with another key a server started on the copy would sign checkpoints that
// the published verifier key rejects.
import { formatVerifierKey, type NoteSigner, type NoteVerifier, readCheckpointNote } from '@alutrace/shared';
import { openDatabase } from '../../db/open-database';
import { databasePath } from '../open-ledger';
import { readHeadNote } from '../read-head';
import { readSigningKey } from '../signing-key';
import { verifyLedger } from '../verify-ledger';
import { type CopyOutcome, problemOfReport } from './backup-problems';
import { removeSqliteLeftovers } from './private-files';

export interface VerifyCopyOptions {
  /** A checkpoint the copy must contain or extend (the live head read before copying). */
  trustedCheckpoint: string | null;
  /** The verifier key the copy's signing key must have. */
  expectedVerifierKey: string;
  /** Verify with this key (a published one) rather than the copy's own. */
  verifier?: NoteVerifier;
  /** The log's name; defaults to the copy's newest checkpoint's. */
  origin?: string;
  workers?: number;
  /** Called as the copy's full verification goes (entries verified, of how many). */
  onProgress?: (done: number, total: number) => void;
}

export async function verifyCopy(dir: string, options: VerifyCopyOptions): Promise<CopyOutcome> {
  let signer: NoteSigner;
  try {
    signer = readSigningKey(dir);
  } catch (e) {
    return failed(
      `the signing key cannot be read: ${(e as Error).message}`,
      `无法读取签名密钥：${(e as Error).message}`,
    );
  }
  const signingKey = formatVerifierKey(signer);
  if (
    signingKey !== options.expectedVerifierKey ||
    (options.verifier && formatVerifierKey(options.verifier) !== signingKey)
  ) {
    const expected = options.verifier ? formatVerifierKey(options.verifier) : options.expectedVerifierKey;
    return failed(
      `the signing key is ${signingKey}, not ${expected}: a server started on this copy would sign under another key`,
      `签名密钥为 ${signingKey}，而非 ${expected}：用此副本启动的服务器将以另一密钥签名`,
    );
  }
  const file = databasePath(dir);
  try {
    const db = openDatabase(file, { readonly: true });
    try {
      const head = readHeadNote(db.$client);
      const origin = options.origin ?? originOf(head) ?? signer.name;
      const base = {
        verifier: options.verifier ?? signer,
        origin,
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
      };
      // Every entry is recomputed: verifying from the trusted checkpoint alone
      // would take the copied bytes below it on trust. The second, incremental
      // pass costs only the entries after it and proves the copy extends it.
      let report = await verifyLedger(db.$client, {
        ...base,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      if (report.ok && options.trustedCheckpoint !== null) {
        const extension = await verifyLedger(db.$client, { ...base, trustedCheckpoint: options.trustedCheckpoint });
        if (!extension.ok) report = extension;
      }
      const problem = problemOfReport(report);
      return { ok: problem === null, report, problem };
    } finally {
      db.$client.close();
    }
  } catch (e) {
    // A damaged file fails inside SQLite (SQLITE_CORRUPT, SQLITE_NOTADB…) rather than in the verifier.
    const code = String((e as NodeJS.ErrnoException).code ?? '');
    if (!code.startsWith('SQLITE_')) throw e;
    return failed(`the database cannot be read: ${(e as Error).message}`, `无法读取数据库：${(e as Error).message}`);
  } finally {
    removeSqliteLeftovers(file);
  }
}

/** The origin of a head note; null when it cannot be read (the verifier then reports the damaged checkpoint). */
function originOf(note: string | null): string | null {
  try {
    return note ? readCheckpointNote(note).origin : null;
  } catch {
    return null;
  }
}

function failed(en: string, zh: string): CopyOutcome {
  return { ok: false, report: null, problem: { en, zh } };
}
