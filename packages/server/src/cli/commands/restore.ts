import { resolve } from 'node:path';
import { parseVerifierKey } from '@alutrace/shared';
import { restoreDataDir } from '../../ledger/backup/restore-data-dir';
import { type Command, EXIT_FAILED, EXIT_OK, flag, str, UsageError } from '../cli-kit';
import { createProgress, progressCallback } from '../progress';
import { asUsage, printFailure, verifyWorkersOf } from './backup';
import { dataDirOf, dataDirOption } from './data-dir';
import { printReport } from './print-report';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'restore a backup into a new or empty data directory, after verifying it',
  usage: [
    'alutrace restore BACKUP_DIR [--data-dir DIR] [--key VERIFIER_KEY] [--json]',
    '',
    'Copies a backup made by `alutrace backup` into a hidden directory beside the',
    'target, checks every file against backup-manifest.json, verifies the ledger',
    "(as `alutrace verify` does) and that its tree size and root are the manifest's,",
    'and only then renames it into place: a restore that fails leaves nothing behind.',
    'Files are mode 0600, the directory 0700. The signing key comes back with the',
    'ledger, so the verifier key you published stays valid.',
    '',
    '  BACKUP_DIR       the directory `alutrace backup --out` wrote',
    '  --data-dir DIR   where to restore: a new or empty directory (never overwritten;',
    '                   default: $ALUTRACE_DATA_DIR or ./data)',
    '  --key KEY        the verifier key you published: refuse a backup not signed by it',
    '  --json           print the result as JSON',
    '',
    'Exit status: 0 restored, 1 the backup is damaged or altered (nothing restored),',
    '2 usage or I/O error.',
  ].join('\n'),
  options: { ...dataDirOption, key: { type: 'string' }, json: { type: 'boolean' } },
  allowPositionals: true,
  async run(args, io) {
    const [from, ...extra] = args.positionals;
    if (!from || extra.length > 0) throw new UsageError('give exactly one BACKUP_DIR');
    const keyText = str(args, 'key');
    let verifier: ReturnType<typeof parseVerifierKey> | undefined;
    try {
      verifier = keyText === undefined ? undefined : parseVerifierKey(keyText);
    } catch (e) {
      throw new UsageError(`--key: ${(e as Error).message}`);
    }
    const backupDir = resolve(io.cwd, from);
    const dataDir = dataDirOf(args, io);
    const workers = verifyWorkersOf(io);
    const progress = createProgress({ label: 'restore: verify the backup', total: 0 });
    const result = await asUsage(() =>
      restoreDataDir({
        backupDir,
        dataDir,
        ...(verifier ? { verifier } : {}),
        ...(workers !== undefined ? { workers } : {}),
        onProgress: progressCallback(progress),
      }),
    ).finally(() => progress.done());
    if (flag(args, 'json')) {
      io.out(JSON.stringify(result, null, 2));
    } else if (result.ok && result.report && result.manifest) {
      const { treeSize, rootHash, createdAt } = result.manifest;
      printReport(io, 'alutrace restore', result.report);
      io.out(`  restored the backup of ${createdAt} into ${dataDir}: tree size ${treeSize}, root ${rootHash}`);
      io.out(`  已将 ${createdAt} 的备份恢复到 ${dataDir}：树大小 ${treeSize}，根哈希 ${rootHash}`);
      io.out(
        '  The verifier key is unchanged: the key you published still checks this ledger and its new checkpoints.',
      );
      io.out('  验证公钥未变：已发布的验证公钥仍可校验此账本及其新的检查点。');
    } else {
      printFailure(io, 'alutrace restore', result, [
        `Nothing was restored: ${dataDir} is as it was. Use another backup.`,
        `未恢复任何内容：${dataDir} 保持原样。请使用其他备份。`,
      ]);
    }
    return result.ok ? EXIT_OK : EXIT_FAILED;
  },
};
