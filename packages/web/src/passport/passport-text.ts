// The passport page's words in both languages. Kept apart from the app's
// i18n resources (src/i18n/) so that this page does not load i18next or the
// whole app's dictionary; names of grades, sites, chains and the like come
// from @alutrace/shared, in both languages, as the app's do.
import type { PassportCheckName } from '@alutrace/shared';

export type PassportLanguage = 'zh' | 'en';

export interface PassportText {
  title: string;
  switchTo: string;
  loading: string;
  unverifiable: string;
  unverifiableHint: string;
  unreachable: string;
  retry: string;
  lot: string;
  grade: string;
  alloy: string;
  form: string;
  byproduct: string;
  hazardousWasteCode: string;
  sourceClass: string;
  mass: string;
  balance: string;
  state: string;
  madeAt: string;
  heldBy: string;
  inTransitTo: string;
  created: string;
  updated: string;
  recycled: string;
  recycledOf: (recycled: string, postConsumer: string) => string;
  shipped: string;
  shippedTo: (buyer: string) => string;
  chain: (chain: string) => string;
  routes: string;
  trace: string;
  upstreamLots: (lots: number, points: number) => string;
  additions: string;
  untraced: string;
  point: string;
  lotsCol: string;
  massCol: string;
  otherPoints: (points: number) => string;
  inputs: string;
  consumed: string;
  noInputs: string;
  verified: string;
  verifiedLead: (entries: number, tree: number) => string;
  failed: string;
  failedLead: string;
  pending: string;
  pendingLead: string;
  whatWasChecked: string;
  key: string;
  keyId: string;
  keyAdvice: string;
  keyPinned: string;
  omitted: (n: number) => string;
  checks: Record<PassportCheckName, string>;
  status: { pass: string; fail: string; unchecked: string };
  footer: string;
  proofTitle: string;
  proofDownload: string;
  proofDownloadHint: string;
  proofOpen: string;
  proofOpenHint: string;
  proofUnreadable: (name: string) => string;
  fromFile: (name: string) => string;
  fileCheckpoint: (size: number) => string;
  cosignedBy: string;
  cosignerNote: string;
  notCosigned: string;
  backToLabel: string;
  witnessedTitle: string;
  witnessedLead: (size: number) => string;
}

const zh: PassportText = {
  title: '批次护照',
  switchTo: 'English',
  loading: '正在读取并验证…',
  unverifiable: '无法验证此标签',
  unverifiableHint: '请核对标签上的批次号和二维码是否完整、清晰。若标签是复印或替换的，此处无法验证。',
  unreachable: '暂时无法连接服务器，请检查网络后重试。',
  retry: '重试',
  lot: '批次',
  grade: '品级',
  alloy: '合金',
  form: '形态',
  byproduct: '副产品',
  hazardousWasteCode: '危险废物代码',
  sourceClass: '来源类别',
  mass: '净重',
  balance: '结存',
  state: '状态',
  madeAt: '产生站点',
  heldBy: '当前所在',
  inTransitTo: '运往',
  created: '记录时间',
  updated: '最近变动',
  recycled: '再生含量',
  recycledOf: (r, p) => `再生料 ${r}，其中消费后 ${p}`,
  shipped: '下游',
  shippedTo: (b) => `已发往 ${b}`,
  chain: (c) => `下游产业：${c}`,
  routes: '去向',
  trace: '溯源',
  upstreamLots: (lots, points) => `来自 ${points} 个回收站点的 ${lots} 个回收批次`,
  additions: '非废料添加（原铝、合金元素等）',
  untraced: '无法追溯的部分',
  point: '回收站点',
  lotsCol: '批次数',
  massCol: '重量',
  otherPoints: (n) => `其他 ${n} 个站点`,
  inputs: '直接投入的批次',
  consumed: '投入',
  noInputs: '这是一个回收批次，没有投入批次。',
  verified: '已验证',
  verifiedLead: (e, t) =>
    `本页刚刚在你的设备上亲自核对了这份护照：${e} 条账本记录逐条从原始字节重新计算了哈希，并证明都在共 ${t} 条记录的已签名账本中。`,
  failed: '验证失败',
  failedLead: '这份护照与签名账本不符，下面的数字不可信。以下检查未通过：',
  pending: '尚未完全验证',
  pendingLead: '最新的记录还没有进入已签名的检查点，请稍后刷新再试。',
  whatWasChecked: '核对了什么',
  key: '验证公钥',
  keyId: '密钥编号',
  keyAdvice: '签名是用这个公钥核对的。请将它与账本运营方公开发布的公钥比对：一致，才说明这份护照来自运营方的账本。',
  keyPinned: '签名是用本页内置的运营方公钥核对的，而不是服务器随护照发来的公钥。',
  omitted: (n) => `另有 ${n} 条较早的记录未列出，结存无法在此重算。`,
  checks: {
    checkpoint: '检查点签名有效',
    'leaf-hash': '每条记录的哈希都由其原始字节重新算出',
    entry: '每条记录都能读出',
    inclusion: '每条记录都在已签名的默克尔树中（包含证明）',
    'label-digest': '标签上的摘要属于创建此批次的记录',
    created: '创建记录与本页的批次、重量、品级一致',
    inputs: '投入批次与加工记录一致',
    voided: '作废状态与更正记录一致',
    shipped: '发货信息与发货记录一致',
    history: '按记录逐条重算的结存和状态一致',
  },
  status: { pass: '通过', fail: '未通过', unchecked: '未核对' },
  footer: '铝溯源 · 每个数字都可追溯到称重，并写入只增不改的签名账本。',
  proofTitle: '离线证明',
  proofDownload: '下载证明文件',
  proofDownloadHint:
    '一个文件，包含本护照所依据的每条账本记录的原始字节、各自的包含证明和签名检查点（含官员副署）。以后无需服务器即可核对：在本页打开，或运行 alutrace verify-proof。',
  proofOpen: '打开证明文件核对',
  proofOpenHint: '文件只在本设备上核对，不会发送给服务器。',
  proofUnreadable: (n) => `无法读取证明文件 ${n}：`,
  fromFile: (n) => `以下内容来自证明文件 ${n}，已在本设备上离线核对，未联系服务器。`,
  fileCheckpoint: (s) => `证明指向共 ${s} 条记录的签名检查点。`,
  cosignedBy: '检查点副署（见证）：',
  cosignerNote: '见证人的名称和公钥由文件给出；请与主管部门公布的见证公钥比对。',
  notCosigned: '该检查点尚无官员副署。',
  backToLabel: '返回标签的护照',
  witnessedTitle: '官员副署',
  witnessedLead: (n) => `以下主管部门见证人副署了涵盖本批次的签名检查点（共 ${n} 条记录），副署已在本设备上核对：`,
};

const en: PassportText = {
  title: 'Lot passport',
  switchTo: '中文',
  loading: 'Loading and checking…',
  unverifiable: 'This label could not be verified',
  unverifiableHint:
    'Check that the lot number and the QR code on the label are complete and legible. A copied or swapped label cannot be verified here.',
  unreachable: 'The server cannot be reached right now. Check the connection and try again.',
  retry: 'Try again',
  lot: 'Lot',
  grade: 'Grade',
  alloy: 'Alloy',
  form: 'Form',
  byproduct: 'By-product',
  hazardousWasteCode: 'Hazardous-waste code',
  sourceClass: 'Source class',
  mass: 'Net mass',
  balance: 'Balance',
  state: 'State',
  madeAt: 'Made at',
  heldBy: 'Held by',
  inTransitTo: 'In transit to',
  created: 'Recorded',
  updated: 'Last change',
  recycled: 'Recycled content',
  recycledOf: (r, p) => `${r} recycled, of which ${p} post-consumer`,
  shipped: 'Downstream',
  shippedTo: (b) => `Shipped to ${b}`,
  chain: (c) => `${c} chain`,
  routes: 'Routes',
  trace: 'Trace',
  upstreamLots: (lots, points) =>
    `From ${lots} collection ${lots === 1 ? 'lot' : 'lots'} at ${points} collection ${points === 1 ? 'point' : 'points'}`,
  additions: 'Non-scrap additions (primary aluminium, alloying elements…)',
  untraced: 'Not traced',
  point: 'Collection point',
  lotsCol: 'Lots',
  massCol: 'Mass',
  otherPoints: (n) => `${n} other points`,
  inputs: 'Direct inputs',
  consumed: 'used',
  noInputs: 'A collection lot: it has no inputs.',
  verified: 'Verified',
  verifiedLead: (e, t) =>
    `This page has just checked this passport on your own device: the hash of each of its ${e} ledger entries recomputed from the entry's exact bytes, and each proven to be in the signed ledger of ${t} entries.`,
  failed: 'Verification failed',
  failedLead: 'This passport does not match the signed ledger: do not rely on the figures below. These checks failed:',
  pending: 'Not fully verified yet',
  pendingLead: 'The newest entries are not in a signed checkpoint yet. Reload in a moment.',
  whatWasChecked: 'What was checked',
  key: 'Verifier key',
  keyId: 'Key id',
  keyAdvice:
    "The signature was checked with this key. Compare it with the key the ledger's operator publishes: only if they match does this passport come from the operator's ledger.",
  keyPinned:
    'The signature was checked with the operator key built into this page, not with a key the server sent along.',
  omitted: (n) => `${n} older entries are not listed: the balance cannot be replayed here.`,
  checks: {
    checkpoint: 'The checkpoint signature is valid',
    'leaf-hash': "Each entry's hash recomputed from its exact bytes",
    entry: 'Each entry reads as a ledger entry',
    inclusion: 'Each entry is in the signed Merkle tree (inclusion proof)',
    'label-digest': "The label's digest is the creating entry's",
    created: 'The creating entry makes this lot, with this mass and grade',
    inputs: 'The inputs are the ones the run lists',
    voided: 'Voided or not, as the corrections say',
    shipped: 'The shipment is the one recorded',
    history: 'Balance and state replayed entry by entry',
  },
  status: { pass: 'passed', fail: 'failed', unchecked: 'not checked' },
  footer: 'alutrace · every figure traceable to a weighing, in an append-only signed ledger.',
  proofTitle: 'Offline proof',
  proofDownload: 'Download the proof file',
  proofDownloadHint:
    "One file with the exact bytes of every ledger entry this passport rests on, each entry's inclusion proof and the signed checkpoint with the officials' cosignatures. Check it later without any server: open it on this page, or run alutrace verify-proof.",
  proofOpen: 'Check a proof file',
  proofOpenHint: 'The file is checked on this device only; nothing is sent to the server.',
  proofUnreadable: (n) => `The proof file ${n} cannot be read:`,
  fromFile: (n) => `Read from the proof file ${n} and checked offline on this device, without the server.`,
  fileCheckpoint: (s) => `The proofs lead to the signed checkpoint of ${s} entries.`,
  cosignedBy: 'Checkpoint cosigned (witnessed) by:',
  cosignerNote: 'Witness names and keys as the file gives them: compare the keys with those the officials publish.',
  notCosigned: 'No official has cosigned this checkpoint yet.',
  backToLabel: "Back to the label's passport",
  witnessedTitle: 'Cosigned by officials',
  witnessedLead: (n) =>
    `These officials' witnesses cosigned a signed checkpoint covering this lot (${n} entries); each cosignature was checked on this device:`,
};

export const TEXT: Record<PassportLanguage, PassportText> = { zh, en };
