// What `verify` reports: the same shape from the server, the CLI and the
// export verifier, so people and scripts read one format.

export const VERIFY_FAILURES = {
  SEQ_GAP: {
    en: 'entry {seq} is missing: the sequence jumps from {prevSeq} to {foundSeq}',
    zh: '缺少第 {seq} 条记录：序号从 {prevSeq} 跳到了 {foundSeq}',
  },
  SEQ_MISMATCH: {
    en: 'the entry stored at position {seq} says it is entry {claimed}',
    zh: '位于第 {seq} 位的记录自称是第 {claimed} 条',
  },
  LEAF_HASH_MISMATCH: {
    en: 'the stored bytes of entry {seq} do not hash to its stored leaf hash: the entry was altered',
    zh: '第 {seq} 条记录的存储内容与其叶哈希不符：记录已被改动',
  },
  MALFORMED_ENTRY: {
    en: 'entry {seq} is not a well-formed ledger entry: {detail}',
    zh: '第 {seq} 条记录格式错误：{detail}',
  },
  INDEX_MISMATCH: {
    en: 'the look-up column {column} of entry {seq} says "{stored}" but the entry says "{actual}"',
    zh: '第 {seq} 条记录的检索列 {column} 为“{stored}”，但记录内容为“{actual}”',
  },
  CHAIN_BROKEN: {
    en: 'entry {seq} does not point to the hash of entry {prevSeq}: the chain is broken',
    zh: '第 {seq} 条记录未指向第 {prevSeq} 条记录的哈希：哈希链断裂',
  },
  NODE_HASH_MISMATCH: {
    en: 'the stored Merkle node at level {level}, index {index} (completed by entry {seq}) is wrong',
    zh: '由第 {seq} 条记录完成的默克尔节点（层 {level}，序号 {index}）存储值错误',
  },
  ROOT_MISMATCH: {
    en: 'the signed checkpoint of tree size {size} does not match the entries; entries from {seq} on are not covered by a valid checkpoint',
    zh: '树大小为 {size} 的签名检查点与记录不符；自第 {seq} 条起的记录未被有效检查点覆盖',
  },
  BAD_SIGNATURE: {
    en: 'the checkpoint of tree size {size} has an invalid signature',
    zh: '树大小为 {size} 的检查点签名无效',
  },
  MALFORMED_CHECKPOINT: {
    en: 'a stored checkpoint cannot be read: {detail}',
    zh: '无法读取已存储的检查点：{detail}',
  },
  TRUNCATED: {
    en: 'a signed checkpoint covers {size} entries but only {found} are present: entries from {seq} on were removed',
    zh: '签名检查点覆盖 {size} 条记录，但现只有 {found} 条：自第 {seq} 条起的记录已被删除',
  },
  INCONSISTENT: {
    en: 'the ledger of size {size} is not an extension of the trusted checkpoint of size {trusted}: {detail}',
    zh: '大小为 {size} 的账本并非受信检查点（大小 {trusted}）的延续：{detail}',
  },
  WRONG_ORIGIN: {
    en: 'the checkpoint is for log "{found}", not "{expected}"',
    zh: '检查点属于日志“{found}”，而非“{expected}”',
  },
  WRONG_KEY: {
    en: 'the ledger is signed by {found}, not by the trusted key {expected}',
    zh: '账本由 {found} 签名，而非受信密钥 {expected}',
  },
  MALFORMED_EXPORT: {
    en: 'line {line} of the export cannot be read: {detail}',
    zh: '导出文件第 {line} 行无法读取：{detail}',
  },
} as const;

export type VerifyFailureCode = keyof typeof VERIFY_FAILURES;

export interface VerifyFailure {
  code: VerifyFailureCode;
  /** The first entry that fails, when one can be named. */
  seq: number | null;
  params: Record<string, string | number>;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  /** Entries whose bytes, chain and tree nodes were recomputed. */
  entriesChecked: number;
  /** The tree size verified (the newest checkpoint's, or the entry count). */
  treeSize: number;
  rootHash: string;
  checkpointsChecked: number;
  /** The largest tree size covered by a verified checkpoint; entries beyond it are not yet signed. */
  coveredSize: number;
  /** Set for incremental verification: the trusted checkpoint's size. */
  trustedSize: number | null;
  verifierKey: string;
  durationMs: number;
  /** Threads that verified (1 = the calling thread alone). */
  threads: number;
  failure: VerifyFailure | null;
}

export function formatVerifyFailure(
  code: VerifyFailureCode,
  params: Record<string, string | number>,
  lang: 'en' | 'zh' = 'en',
): string {
  const template: string = VERIFY_FAILURES[code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
