// Words every lifecycle screen shares: the lot field, masses, the site
// picker, saving and the server's refusals.

export const commonZh = {
  site: '本站点',
  lot: '批次号或标签',
  lotHint: '输入批次号（如 PG01-261128-0007），或粘贴/扫描标签上的网址，按回车。',
  lotAdd: '添加',
  lotLooking: '正在查找批次…',
  lotNotALabel: '这不是批次号或本系统的标签网址。请核对标签上的批次号，例如 PG01-261128-0007。',
  lotDigestMismatch: (lot: string) =>
    `警告：标签校验码与批次 ${lot} 在账本中的记录不符。标签可能被复制或伪造。请勿使用此批次，核对实物并报告主管。`,
  lotDigestAbsent: '手工输入，未核对标签校验码：请确认实物上的标签就是这个批次。',
  lotDigestMatch: '标签校验通过。',
  massKg: '质量（千克）',
  massHint: '按千克填写，如 985.5；也可写 t 或 g。',
  massGrams: (g: string) => `= ${g} 克`,
  massRequired: '请填写质量。',
  balance: '余量',
  state: '状态',
  grade: '品级',
  saving: '正在保存…',
  save: '保存',
  retryNote: '如果网络中断，再按一次保存不会重复记录。',
  replayed: '这次提交之前已经保存过，没有重复记录。',
  unreachable: '连不上服务器。数据还在表单里，网络恢复后再按一次保存（不会重复记录）。',
  whatToDo: '怎么办：',
  noSites: '你的账号没有可以记录的站点。请联系管理员。',
  lotLink: '查看批次',
  printLabels: '打印标签',
  recorded: (seq: number) => `已记入账本（记录 ${seq}）。`,
  remove: '移除',
  kg: 'kg',
  g: '克',
};

export type CommonWords = typeof commonZh;

export const commonEn: CommonWords = {
  site: 'This site',
  lot: 'Lot id or label',
  lotHint: 'Type the lot id (e.g. PG01-261128-0007), or paste or scan the label URL, then press Enter.',
  lotAdd: 'Add',
  lotLooking: 'Looking up the lot…',
  lotNotALabel:
    'This is neither a lot id nor a label URL of this system. Check the lot id on the label, e.g. PG01-261128-0007.',
  lotDigestMismatch: (lot) =>
    `Warning: the label's check code does not match lot ${lot} in the ledger. The label may be copied or forged. Do not use this lot; check the material and report it.`,
  lotDigestAbsent: 'Typed by hand, label check code not verified: make sure the label on the material is this lot.',
  lotDigestMatch: 'Label verified.',
  massKg: 'Mass (kg)',
  massHint: 'In kilograms, e.g. 985.5; t or g also work.',
  massGrams: (g) => `= ${g} g`,
  massRequired: 'Enter the mass.',
  balance: 'Balance',
  state: 'State',
  grade: 'Grade',
  saving: 'Saving…',
  save: 'Save',
  retryNote: 'If the network drops, pressing Save again never records twice.',
  replayed: 'This was already saved before; nothing was recorded twice.',
  unreachable:
    'Cannot reach the server. Your entries are still here: press Save again when the network is back (it will not record twice).',
  whatToDo: 'What to do: ',
  noSites: 'Your account has no site to record for. Ask an administrator.',
  lotLink: 'Open lot',
  printLabels: 'Print labels',
  recorded: (seq) => `Recorded in the ledger (entry ${seq}).`,
  remove: 'Remove',
  kg: 'kg',
  g: 'g',
};
