import { readVaultKeys, type VaultKeys } from '../../sealed/vault-key';
import type { SealedProblem, SealedReport } from '../../sealed/verify-sealed';
import { type CliIo, UsageError } from '../cli-kit';

const n = (x: number): string => x.toLocaleString('en-US');

/** The data directory's sealed-data key, for `verify --sealed`; never creates one. */
export function sealedKeysFor(dataDir: string): VaultKeys {
  try {
    return readVaultKeys(dataDir);
  } catch (e) {
    throw new UsageError(`--sealed: cannot read the sealed-key file in ${dataDir}: ${(e as Error).message}`);
  }
}

const WHAT_TO_DO: Record<SealedProblem, { en: string; zh: string }> = {
  SEALED_MISSING: {
    en: 'restore the sealed records from a backup; a record deleted without erase-personal-data leaves no tombstone',
    zh: '请从备份恢复保密信息；未经 erase-personal-data 删除的记录没有删除记录',
  },
  SEALED_NOT_ERASED: {
    en: 'run `alutrace erase-personal-data` again to finish the erasure',
    zh: '请再次运行 `alutrace erase-personal-data` 完成删除',
  },
  SEALED_UNREADABLE: {
    en: 'restore the sealed records (and the sealed-key file they were written with) from a backup',
    zh: '请从备份恢复保密信息（及写入时使用的 sealed-key 文件）',
  },
  SEALED_COMMITMENT_MISMATCH: {
    en: 'the stored values are not the ones the ledger committed to: restore the sealed records from a backup',
    zh: '存储的值不是账本所承诺的值：请从备份恢复保密信息',
  },
  SEALED_COLUMNS_MISMATCH: {
    en: 'who may read it or when it is erased was changed: restore the sealed records from a backup',
    zh: '可读取的站点或删除时间被改动：请从备份恢复保密信息',
  },
  SELLER_INDEX_MISMATCH: {
    en: 'the search index was changed: restore the sealed records and seller index from a backup',
    zh: '卖方检索索引被改动：请从备份恢复保密信息和卖方索引',
  },
  SEALED_ORPHAN: {
    en: 'a record belongs to no lifecycle entry: find out where it came from, then delete it',
    zh: '该保密信息不属于任何业务记录：请查明来源后删除',
  },
  SELLER_INDEX_ORPHAN: {
    en: 'run `alutrace erase-personal-data` again: it deletes the index rows of erased records',
    zh: '请再次运行 `alutrace erase-personal-data`：它会删除已删除记录的索引',
  },
};

/** Prints the check of the sealed records against the ledger's commitments, in English and Chinese. */
export function printSealed(io: CliIo, report: SealedReport): void {
  if (report.ok) {
    io.out(
      `sealed records: OK — ${n(report.records)} records match their commitments, ${n(report.erased)} erased (tombstones), ${n(report.entries)} lifecycle entries`,
    );
    io.out(
      `  保密信息校验通过：${report.records} 条与账本承诺值一致，${report.erased} 条已删除（有删除记录），共 ${report.entries} 条业务记录`,
    );
    return;
  }
  const f = report.failure;
  if (!f) return;
  io.out(`sealed records: FAILED at entry ${f.seq} (${f.reason})`);
  io.out(`  ${f.detail}`);
  io.out(`  ${WHAT_TO_DO[f.reason].en}`);
  io.out(`  保密信息校验失败（账本记录 ${f.seq}，${f.reason}）：${WHAT_TO_DO[f.reason].zh}`);
}
