import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  checkCosignatures,
  DEFAULT_ORIGIN,
  type NoteVerifier,
  normaliseNote,
  noteBody,
  parseCosignerKey,
  parseVerifierKey,
  readCheckpointNote,
} from '@alutrace/shared';
import { openDatabase } from '../../db/open-database';
import { databasePath } from '../../ledger/open-ledger';
import { readCosignatures, readWitnessKeys } from '../../ledger/read-cosignatures';
import { readHeadNote, readLedgerBounds } from '../../ledger/read-head';
import { readSigningKey } from '../../ledger/signing-key';
import { verifyLedger } from '../../ledger/verify-ledger';
import { checkDerived, type DerivedReport } from '../../projections/replay';
import { SealedVault } from '../../sealed/vault';
import { type SealedReport, verifySealed } from '../../sealed/verify-sealed';
import { type Command, EXIT_FAILED, EXIT_OK, flag, str, UsageError } from '../cli-kit';
import { createProgress, progressCallback } from '../progress';
import { DATA_DIR_HELP, dataDirOf, dataDirOption } from './data-dir';
import { printCosignatures, WITNESS_KEY_HELP, witnessKeyOption, witnessKeysOf } from './print-cosignatures';
import { printDerived, printReport } from './print-report';
import { printSealed, sealedKeysFor } from './print-sealed';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check the whole ledger: hashes, chain, Merkle tree, checkpoints, signatures',
  usage: [
    'alutrace verify [--data-dir DIR] [--json] [--key VERIFIER_KEY] [--trusted-checkpoint FILE] [--witness-key VKEY …] [--derived] [--sealed]',
    '',
    'Recomputes every leaf hash from the stored bytes, checks the prev links, the',
    'sequence, the look-up columns, the stored Merkle nodes, the root of every',
    'signed checkpoint and every signature. Reports the first failing entry.',
    'The server may keep running meanwhile.',
    '',
    DATA_DIR_HELP,
    '  --json           print the report as JSON',
    '  --key KEY        trust this verifier key instead of the one in the data directory',
    '                   (pin the key you published; someone who can edit the data',
    '                   directory can also replace its key)',
    '  --trusted-checkpoint FILE',
    '                   a checkpoint note saved from an earlier verification: check that',
    '                   the ledger extends it (consistency proof) and recompute only',
    '                   the entries added since',
    '  --workers N      threads that verify, this one included (default: $ALUTRACE_VERIFY_WORKERS or the cores, at most 4)',
    '  --derived        also replay the log into a scratch database and compare every derived',
    '                   table (the catalogue, …) row by row; reports the first row that differs',
    '                   (`alutrace rebuild` repairs them). Changes nothing.',
    '  --sealed         also decrypt every sealed record with the sealed-key, recompute its',
    '                   commitment and compare it with its entry, and check that every',
    '                   lifecycle entry has its record or an erasure tombstone; reports the',
    '                   first failure. Changes nothing.',
    WITNESS_KEY_HELP,
    '',
    'Also lists which checkpoints officials cosigned, by whom and when, and checks every',
    'stored cosignature against its witness key and against the checkpoint of that size',
    'in the ledger (one that no longer matches means the ledger was rewritten afterwards).',
    '',
    'Exit status: 0 intact, 1 altered or inconsistent, 2 usage or I/O error.',
  ].join('\n'),
  options: {
    ...dataDirOption,
    json: { type: 'boolean' },
    key: { type: 'string' },
    'trusted-checkpoint': { type: 'string' },
    workers: { type: 'string' },
    derived: { type: 'boolean' },
    sealed: { type: 'boolean' },
    ...witnessKeyOption,
  },
  async run(args, io) {
    const dataDir = dataDirOf(args, io);
    const keyText = str(args, 'key');
    let verifier: NoteVerifier;
    try {
      verifier = keyText ? parseVerifierKey(keyText) : readSigningKey(dataDir);
    } catch (e) {
      throw new UsageError(
        keyText
          ? `--key: ${(e as Error).message}`
          : `cannot read the signing key in ${dataDir}: ${(e as Error).message}`,
      );
    }
    const workersText = str(args, 'workers') ?? io.env.ALUTRACE_VERIFY_WORKERS;
    const workers = workersText === undefined ? undefined : Number(workersText);
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) {
      throw new UsageError('--workers takes a whole number (1 = no worker threads)');
    }
    let trustedCheckpoint: string | undefined;
    const trustedFile = str(args, 'trusted-checkpoint');
    if (trustedFile) {
      try {
        trustedCheckpoint = normaliseNote(readFileSync(resolve(io.cwd, trustedFile), 'utf8'));
      } catch (e) {
        throw new UsageError(`cannot read ${trustedFile}: ${(e as Error).message}`);
      }
    }
    const required = witnessKeysOf(args).map((k) => parseCosignerKey(k));
    const sealedKeys = flag(args, 'sealed') ? sealedKeysFor(dataDir) : null;
    const db = openDatabase(databasePath(dataDir), { readonly: true });
    try {
      const head = readHeadNote(db.$client);
      const origin = head ? readCheckpointNote(head).origin : (io.env.ALUTRACE_ORIGIN ?? DEFAULT_ORIGIN);
      const progress = createProgress({ label: 'verify', total: 0 });
      const report = await verifyLedger(db.$client, {
        verifier,
        origin,
        ...(workers !== undefined ? { workers } : {}),
        ...(trustedCheckpoint !== undefined ? { trustedCheckpoint } : {}),
        onProgress: progressCallback(progress),
      }).finally(() => progress.done());
      // Read after the ledger's verification: cosignatures name checkpoints it has seen.
      const bounds = readLedgerBounds(db.$client);
      const cosignatures = checkCosignatures({
        checkpoints: bounds.checkpoints.map((c) => ({ treeSize: c.size, body: safeBody(c.note) })),
        cosignatures: readCosignatures(db.$client),
        keys: readWitnessKeys(db.$client),
        required,
      });
      let derived: DerivedReport | null = null;
      if (flag(args, 'derived')) {
        const replay = createProgress({ label: 'verify --derived: replay', total: 0 });
        try {
          derived = checkDerived(db, progressCallback(replay));
        } finally {
          replay.done();
        }
      }
      let sealed: SealedReport | null = null;
      if (sealedKeys) {
        const check = createProgress({ label: 'verify --sealed', total: 0 });
        try {
          sealed = verifySealed(db, new SealedVault(sealedKeys), progressCallback(check));
        } finally {
          check.done();
        }
      }
      if (flag(args, 'json')) {
        io.out(
          JSON.stringify(
            {
              ...report,
              ok: report.ok && cosignatures.ok,
              cosignatures,
              ...(derived ? { derived } : {}),
              ...(sealed ? { sealed } : {}),
            },
            null,
            2,
          ),
        );
      } else {
        printReport(io, 'alutrace verify', report);
        printCosignatures(io, cosignatures);
        if (derived) printDerived(io, derived);
        if (sealed) printSealed(io, sealed);
      }
      return report.ok && cosignatures.ok && (derived?.ok ?? true) && (sealed?.ok ?? true) ? EXIT_OK : EXIT_FAILED;
    } finally {
      db.$client.close();
    }
  },
};

/** A checkpoint's text; an unreadable note (which the ledger's verification reports) matches no cosignature. */
function safeBody(note: string): string {
  try {
    return noteBody(note);
  } catch {
    return '';
  }
}
