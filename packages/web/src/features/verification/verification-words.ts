// The words of the verification page (/verification), one object per language.

export const verificationZh = {
  title: '核验账本',
  intro:
    '在本浏览器中重新计算整个账本：不必相信服务器的说法。每条记录的字节重新计算哈希，核对序号和前一条的哈希链，重建默克尔树，并与服务器签名的最新检查点的根哈希比较。',
  headTitle: '最新检查点及其联署',
  headFacts: (size: number, at: string) => `树大小 ${size} · 签署于 ${at}`,
  root: '根哈希',
  logKey: '账本公钥',
  signatureOk: '账本签名已在本浏览器中验证通过。',
  signatureBad: '账本签名无效：',
  cosignedBy: '联署者（签名已在本浏览器中逐一验证）：',
  cosignedRow: (who: string, at: string) => `${who} · 联署于 ${at}`,
  notCosigned: '尚无官员联署此检查点。',
  newestCosigned: (size: number, at: string) => `最近被联署的检查点：树大小 ${size}（签署于 ${at}）`,
  cosignProblems: '无法验证的联署：',
  extendsOk: (from: number, to: number) =>
    `一致性证明已在本浏览器中核对：树大小 ${to} 的最新账本延续了官员在树大小 ${from} 时联署的账本。`,
  extendsBad: (from: number, to: number) =>
    `最新账本（树大小 ${to}）不延续官员在树大小 ${from} 时联署的账本：账本已被改写或分叉，请勿信任，并联系见证官员。`,
  extendsUnreadable: '无法核对最新账本是否延续被联署的账本：服务器给出的检查点或证明无法读取。',
  runTitle: '运行核验',
  lastVerified: (size: number, at: string) => `本浏览器上次核验到树大小 ${size}（${at}）。`,
  neverVerified: '本浏览器尚未核验过此账本。',
  incremental: (size: number) => `增量核验（自树大小 ${size} 起）`,
  full: '完整核验（自第 0 条起）',
  forget: '忘记上次核验',
  forgetConfirm:
    '本浏览器将不再以上次核验的检查点为准，下一次完整核验会接受服务器现在提供的任何自洽账本。仅在确知原因（例如公布过的换钥）时这样做。确定吗？',
  running: (done: number, total: number) => `正在核验：${done} / ${total} 条`,
  okTitle: '核验通过',
  badTitle: '核验未通过：账本与签名检查点或本浏览器上次核验的不符',
  keyChanged: (pinned: string, served: string) =>
    `服务器现在使用的公钥（${served}）与本浏览器上次核验时的（${pinned}）不同。请先确认原因，不要轻信。`,
  accountTitle: '核对了什么',
  accountEntries: (n: number, from: number, to: number) =>
    from > 0
      ? `第 ${from} 至 ${to - 1} 条共 ${n} 条新记录：每条的字节重新计算了叶哈希，序号连续，每条都指向前一条的哈希。`
      : `全部 ${n} 条记录（第 0 至 ${to - 1} 条）：每条的字节重新计算了叶哈希，序号连续，每条都指向前一条的哈希。`,
  accountNone: (size: number) => `没有新记录：最新检查点仍是树大小 ${size}，根哈希与上次核验时相同。`,
  accountTree: (size: number, root: string) => `由这些叶哈希重建的默克尔树（树大小 ${size}）的根哈希为 ${root}…。`,
  accountIncremental: (from: number) =>
    `从本浏览器上次核验的树大小 ${from} 的树继续计算：新的树包含旧的树，之前核验过的记录未被改动或删除。`,
  accountSignature: (key: string) => `该根哈希与服务器用公钥 ${key} 签名的最新检查点一致。`,
  accountNotChecked:
    '未核对：记录内容是否属实（重量、批次是否与现场一致）——这需要现场抽查；以及其他人看到的是否是同一份账本——这需要官员的见证联署。',
  remembered: '已在本浏览器中记住此检查点，下次可增量核验。',
  exportTitle: '导出文件',
  exportHint:
    '下载整个账本的导出文件（JSON Lines：公钥、每个签名检查点及其联署、每条记录的原始字节），可在任何电脑上用 `pnpm alutrace verify-export 文件 --key 公钥` 独立核验。',
  exportButton: '下载导出文件',
  failed: '核验无法完成：',
};

export type VerificationWords = typeof verificationZh;

export const verificationEn: VerificationWords = {
  title: 'Verify the ledger',
  intro:
    "Recompute the whole ledger in this browser, without taking the server's word for it: every entry's bytes hashed again, the sequence and the chain of previous hashes checked, the Merkle tree rebuilt and its root compared with the latest checkpoint the server signed.",
  headTitle: 'The latest checkpoint and its cosignatures',
  headFacts: (size, at) => `tree size ${size} · signed ${at}`,
  root: 'Root hash',
  logKey: 'Ledger key',
  signatureOk: "The ledger's signature verified in this browser.",
  signatureBad: "The ledger's signature does not verify: ",
  cosignedBy: 'Cosigned by (each signature verified in this browser):',
  cosignedRow: (who, at) => `${who} · cosigned ${at}`,
  notCosigned: 'No official has cosigned this checkpoint yet.',
  newestCosigned: (size, at) => `The newest checkpoint cosigned: tree size ${size} (signed ${at})`,
  cosignProblems: 'Cosignatures that do not verify:',
  extendsOk: (from, to) =>
    `Consistency proof checked in this browser: the latest ledger (tree size ${to}) extends the one officials cosigned at tree size ${from}.`,
  extendsBad: (from, to) =>
    `The latest ledger (tree size ${to}) does not extend the one officials cosigned at tree size ${from}: the ledger has been rewritten or forked. Do not trust it; contact the witnessing officials.`,
  extendsUnreadable:
    'Could not check that the latest ledger extends the cosigned one: the checkpoints or the proof the server gave cannot be read.',
  runTitle: 'Run the verification',
  lastVerified: (size, at) => `This browser last verified up to tree size ${size} (${at}).`,
  neverVerified: 'This browser has not verified this ledger yet.',
  incremental: (size) => `Incremental (from tree size ${size})`,
  full: 'Full (from entry 0)',
  forget: 'Forget the last verification',
  forgetConfirm:
    'This browser will no longer hold the ledger to the checkpoint it verified last: the next full run accepts any self-consistent ledger the server now serves. Do this only for a known reason (a key change that was announced, say). Forget it?',
  running: (done, total) => `Verifying: ${done} / ${total} entries`,
  okTitle: 'Verified',
  badTitle: 'Verification failed: the ledger does not match its signed checkpoint or what this browser verified before',
  keyChanged: (pinned, served) =>
    `The server now signs with a key (${served}) other than the one this browser verified against (${pinned}). Find out why before trusting it.`,
  accountTitle: 'What was checked',
  accountEntries: (n, from, to) =>
    from > 0
      ? `${n} new entries (${from} to ${to - 1}): each entry's bytes hashed again to its leaf hash, the sequence without gaps, each entry pointing to the hash of the one before.`
      : `All ${n} entries (0 to ${to - 1}): each entry's bytes hashed again to its leaf hash, the sequence without gaps, each entry pointing to the hash of the one before.`,
  accountNone: (size) =>
    `No new entries: the latest checkpoint is still tree size ${size}, with the root verified last time.`,
  accountTree: (size, root) =>
    `The Merkle tree rebuilt from those leaf hashes (tree size ${size}) has the root ${root}….`,
  accountIncremental: (from) =>
    `Continued from the tree of size ${from} this browser verified last: the new tree contains the old one, so no entry verified before was changed or removed.`,
  accountSignature: (key) => `That root is the one in the latest checkpoint the server signed with the key ${key}.`,
  accountNotChecked:
    'Not checked: whether the entries are true (masses, lots as on site) — that takes inspection on site; and whether others were shown the same history — that takes witness cosignatures.',
  remembered: 'This checkpoint is remembered in this browser: the next run can be incremental.',
  exportTitle: 'Export file',
  exportHint:
    'Download the whole ledger as an export file (JSON Lines: the key, every signed checkpoint with its cosignatures, every entry’s exact bytes), which anyone can check on any computer with `pnpm alutrace verify-export FILE --key KEY`.',
  exportButton: 'Download the export file',
  failed: 'The verification could not be completed: ',
};
