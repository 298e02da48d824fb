import { resolve } from 'node:path';
import { backupDataDir } from '../../ledger/backup/backup-data-dir';
import { BackupRefusal, type CopyOutcome } from '../../ledger/backup/backup-problems';
import { BACKUP_MANIFEST_FILE } from '../../ledger/backup/data-dir-files';
import { type CliIo, type Command, EXIT_FAILED, EXIT_OK, flag, str, UsageError } from '../cli-kit';
import { createProgress, progressCallback } from '../progress';
import { DATA_DIR_HELP, dataDirOf, dataDirOption } from './data-dir';
import { printReport } from './print-report';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy the data directory while the server runs, and verify the copy',
  usage: [
    'alutrace backup --out DIR [--data-dir DIR] [--json]',
    '',
    "Copies the database through SQLite's backup API — a consistent snapshot, taken",
    'while the server keeps writing — and the key files (signing-key and any other',
    'file of the data directory except initial-admin-password), all mode 0600 in a',
    'directory of mode 0700. Then verifies the copy as `alutrace verify` does, checks',
    'that it extends the checkpoint the live ledger had when the backup started and',
    'that its signing key is the live one, and writes backup-manifest.json (tree size,',
    'root, verifier key, SHA-256 of every file), which `alutrace restore` checks.',
    'Do not copy a running data directory with cp: that can lose entries or corrupt the copy.',
    '',
    '  --out DIR        a new or empty directory for the backup (never overwritten)',
    DATA_DIR_HELP,
    '  --json           print the result as JSON',
    '',
    'Exit status: 0 the backup verified, 1 it did not (it is kept, without a manifest,',
    'and restore refuses it), 2 usage or I/O error.',
  ].join('\n'),
  options: { ...dataDirOption, out: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const out = str(args, 'out');
    if (!out) throw new UsageError('--out DIR is required');
    const dataDir = dataDirOf(args, io);
    const outDir = resolve(io.cwd, out);
    const workers = verifyWorkersOf(io);
    const progress = createProgress({ label: 'backup: verify the copy', total: 0 });
    const result = await asUsage(() =>
      backupDataDir({
        dataDir,
        outDir,
        ...(workers !== undefined ? { workers } : {}),
        onProgress: progressCallback(progress),
      }),
    ).finally(() => progress.done());
    if (flag(args, 'json')) {
      io.out(JSON.stringify(result, null, 2));
    } else if (result.ok && result.report && result.manifest) {
      printReport(io, 'alutrace backup', result.report);
      io.out(
        `  backed up to ${outDir}: ${result.manifest.files.map((f) => f.name).join(', ')} and ${BACKUP_MANIFEST_FILE}`,
      );
      io.out(`  已备份到 ${outDir}：树大小 ${result.manifest.treeSize}，根哈希 ${result.manifest.rootHash}`);
      if (result.liveSize !== null) {
        io.out(`  extends the live head checkpoint of size ${result.liveSize} read before copying`);
        io.out(`  延续了备份开始前读取的账本检查点（树大小 ${result.liveSize}）`);
      }
      if (result.skipped.length > 0) io.out(`  not copied (not regular files): ${result.skipped.join(', ')}`);
    } else {
      printFailure(io, 'alutrace backup', result, [
        `The backup in ${outDir} is NOT good: do not rely on it. Run \`pnpm alutrace verify\` on the data directory.`,
        `${outDir} 中的备份无效，请勿使用。请对数据目录运行 \`pnpm alutrace verify\`。`,
      ]);
    }
    return result.ok ? EXIT_OK : EXIT_FAILED;
  },
};

/** Runs a backup or restore step, turning its refusals into usage errors (exit 2, nothing written). */
export async function asUsage<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof BackupRefusal) throw new UsageError(`${e.problem.en}\n  ${e.problem.zh}`);
    throw e;
  }
}

/** Prints why a copy is not good: the verifier's report when it failed, else the problem found. */
export function printFailure(io: CliIo, what: string, outcome: CopyOutcome, verdict: [string, string]): void {
  if (outcome.report && !outcome.report.ok) {
    printReport(io, what, outcome.report);
  } else if (outcome.problem) {
    io.out(`${what}: FAILED — ${outcome.problem.en}`);
    io.out(`  ${outcome.problem.zh}`);
  }
  io.out(`  ${verdict[0]}`);
  io.out(`  ${verdict[1]}`);
}

/** Threads that verify, as for `alutrace verify` ($ALUTRACE_VERIFY_WORKERS; default: the cores, at most 4). */
export function verifyWorkersOf(io: CliIo): number | undefined {
  const text = io.env.ALUTRACE_VERIFY_WORKERS;
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError('ALUTRACE_VERIFY_WORKERS takes a whole number');
  return n;
}
