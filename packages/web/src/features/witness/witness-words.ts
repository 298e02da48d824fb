// The words of the browser witness page (/witness), one object per language
// of the same shape (features/lifecycle-forms/use-words.ts picks one).

export const witnessZh = {
  title: '见证签名',
  intro:
    '您的见证密钥保存在本浏览器中（IndexedDB），私钥从不发送给服务器。每次联署前，本浏览器核对服务器对检查点的签名，并核对新的账本树是否延续您上次联署的那一棵（一致性证明）。账本一旦被改写或分叉，就无法通过核对，本浏览器会拒绝联署并保留证据。',
  noKey: '本浏览器还没有您的见证密钥。',
  name: '密钥名称',
  nameHint: '例如 baise.gov.cn/witness-li：不能含空格或“+”，会出现在每个联署签名中。',
  nameProblem: '请输入不含空格或“+”的名称（1–200 个字符）。',
  create: '生成见证密钥',
  importLabel: '从备份文件导入密钥',
  importProblem: '无法导入：',
  keyTitle: '您的见证密钥',
  vkey: '公钥（vkey），可交给任何核验者',
  createdAt: '生成于',
  backup: '下载密钥备份',
  backupWarning:
    '备份文件含有私钥：任何拿到它的人都能以您的名义联署。请离线保存（如加密的 U 盘），不要通过邮件或聊天发送。浏览器数据被清除后，只有备份能恢复此密钥。',
  backupConfirm: '我明白，下载备份',
  register: '在服务器上登记',
  registered: '已登记到您的账户。',
  cosign: '联署当前检查点',
  cosigning: '正在核对并联署…',
  checkedTitle: '本次核对内容',
  checkedSignature: (size: number, root: string, key: string) =>
    `检查点（树大小 ${size}，根 ${root}…）上的账本签名已用公钥 ${key} 验证通过。`,
  checkedFirst: '这是本见证端联署的第一个检查点，没有可比较的前一个检查点。',
  checkedSame: (size: number) => `与上次联署的是同一检查点（树大小 ${size}），根哈希相同。`,
  checkedConsistency: (from: number, to: number) =>
    `一致性证明已核对：树大小 ${to} 的账本延续了您在树大小 ${from} 时联署的账本，其间没有任何条目被改动或删除。`,
  checkedCosigned: (size: number, at: string) => `已于 ${at} 联署树大小 ${size} 的检查点并上传到服务器。`,
  duplicate: '（服务器已有这一联署，未重复保存。）',
  ignoredRecord: '注意：服务器记录的您上次的联署无法验证，已忽略，以本浏览器的记录为准。',
  historyTitle: '本浏览器做过的联署',
  historyEmpty: '还没有联署。',
  historyRow: (size: number, from: number, at: string) =>
    from > 0 ? `树大小 ${size}（延续 ${from}）· ${at}` : `树大小 ${size}（首次）· ${at}`,
  onServer: (n: number) => `服务器上共存有此密钥的 ${n} 个联署。`,
  evidenceTitle: '保留的证据',
  evidenceRow: (from: number, to: number, at: string) => `树大小 ${from} → ${to} 不一致 · 发现于 ${at}`,
  downloadEvidence: '下载证据（JSON）',
  failed: '联署未完成：',
  forget: '从本浏览器删除此密钥',
  forgetConfirm: '删除后，本浏览器无法再以此密钥联署（除非从备份导入）。已保留的证据不会删除。确定删除吗？',
};

export type WitnessWords = typeof witnessZh;

export const witnessEn: WitnessWords = {
  title: 'Witness cosigning',
  intro:
    "Your witness key is kept in this browser (IndexedDB); its secret key is never sent to the server. Before each cosignature this browser checks the server's signature on the checkpoint and that the new ledger tree extends the one you cosigned last (a consistency proof). A ledger rewritten or forked cannot pass: this browser then refuses to cosign and keeps the evidence.",
  noKey: 'This browser holds no witness key of yours yet.',
  name: 'Key name',
  nameHint: 'For example baise.gov.cn/witness-li: no spaces or "+"; it appears in every cosignature.',
  nameProblem: 'Enter a name without spaces or "+" (1–200 characters).',
  create: 'Create a witness key',
  importLabel: 'Import a key from a backup file',
  importProblem: 'Could not import: ',
  keyTitle: 'Your witness key',
  vkey: 'Public key (vkey), to give to anyone who verifies',
  createdAt: 'Created',
  backup: 'Download a backup of the key',
  backupWarning:
    'The backup holds the secret key: whoever has it can cosign in your name. Keep it offline (an encrypted USB stick, say) and never send it by e-mail or chat. If this browser’s data is cleared, only the backup brings the key back.',
  backupConfirm: 'I understand, download the backup',
  register: 'Register on the server',
  registered: 'Registered to your account.',
  cosign: 'Cosign the current checkpoint',
  cosigning: 'Checking and cosigning…',
  checkedTitle: 'What was checked',
  checkedSignature: (size, root, key) =>
    `The log's signature on the checkpoint (tree size ${size}, root ${root}…) verified against the key ${key}.`,
  checkedFirst: 'This is the first checkpoint this witness cosigns: there is no earlier one to compare with.',
  checkedSame: (size) => `The same checkpoint as last time (tree size ${size}), with the same root.`,
  checkedConsistency: (from, to) =>
    `Consistency proof checked: the ledger of tree size ${to} extends the one you cosigned at tree size ${from}; no entry was changed or removed in between.`,
  checkedCosigned: (size, at) => `Cosigned the checkpoint of tree size ${size} at ${at} and uploaded it to the server.`,
  duplicate: '(The server already held this cosignature; nothing new was stored.)',
  ignoredRecord:
    "Note: the server's record of your last cosignature did not verify and was ignored; this browser's own record was used.",
  historyTitle: 'Cosignatures made in this browser',
  historyEmpty: 'None yet.',
  historyRow: (size, from, at) =>
    from > 0 ? `tree size ${size} (extends ${from}) · ${at}` : `tree size ${size} (first) · ${at}`,
  onServer: (n) => `The server holds ${n} cosignature(s) by this key.`,
  evidenceTitle: 'Evidence kept',
  evidenceRow: (from, to, at) => `tree size ${from} → ${to} inconsistent · found ${at}`,
  downloadEvidence: 'Download the evidence (JSON)',
  failed: 'The cosignature was not made: ',
  forget: 'Remove this key from this browser',
  forgetConfirm:
    'Once removed, this browser can no longer cosign with this key (unless imported from a backup). Evidence kept stays. Remove it?',
};

/** The refusal, always in both languages: whoever reads it must not miss it. */
export const REFUSAL = {
  zh: {
    title: '拒绝联署：账本已被改写或分叉',
    body: '服务器现在提供的已签名检查点与您之前联署的检查点不一致：同一把账本密钥签署了两份不同的历史。请勿信任此账本。请下载并保存下面的证据，立即联系上级主管部门和其他见证官员，并告知系统运营方。',
  },
  en: {
    title: 'Cosigning refused: the ledger has been rewritten or forked',
    body: 'The signed checkpoint the server now serves is not consistent with the one you cosigned before: the same ledger key signed two different histories. Do not trust this ledger. Download and keep the evidence below, and contact your supervising authority and the other witnessing officials at once, and tell the system operator.',
  },
};
