// The words of the scanning demo page (/scan), in both languages.

export const scanPageZh = {
  title: '扫码装车',
  intro: '逐个扫描批次标签：每个批次只记一次，重复扫描会被忽略；校验码不符的标签会当场警告，不会加入清单。',
  listTitle: '已扫批次',
  empty: '还没有扫到批次。',
  summary: (count: string, mass: string) => `共 ${count} 个批次，余量合计 ${mass}`,
  lot: '批次号',
  grade: '品级',
  state: '状态',
  balance: '余量',
  digestMismatch: (lot: string) =>
    `标签校验码与批次 ${lot} 在账本中的记录不符：标签可能被复制或伪造。此批次未加入清单，请核对实物并报告主管。`,
  digestAbsent: '手工输入，未核对标签校验码。',
  digestNotChecked: '未核对校验码',
  unreachable: '连不上服务器，无法核对这个批次。网络恢复后请在下面手动输入批次号重试。',
};

export type ScanPageWords = typeof scanPageZh;

export const scanPageEn: ScanPageWords = {
  title: 'Scan a load',
  intro:
    'Scan the lot labels one after another: each lot is listed once and repeats are ignored; a label whose digest does not match is warned about on the spot and not listed.',
  listTitle: 'Lots scanned',
  empty: 'No lot scanned yet.',
  summary: (count: string, mass: string) => `${count} lots, balance in total ${mass}`,
  lot: 'Lot',
  grade: 'Grade',
  state: 'State',
  balance: 'Balance',
  digestMismatch: (lot: string) =>
    `The label’s digest does not match lot ${lot} in the ledger: the label may be a copy or forged. The lot was not listed; check the goods and tell your supervisor.`,
  digestAbsent: 'Typed in: the label digest was not checked.',
  digestNotChecked: 'digest not checked',
  unreachable:
    'The server cannot be reached to check this lot. Once the network is back, type the lot id below to try again.',
};
