// An incentive statement as an XLSX workbook (exceljs): the statement sheet
// (header, every line with its ledger entry and leaf hash, totals), the
// exclusions with their reasons, and the checkpoint. Headers in Chinese with
// English beside them; masses in tonnes with the exact grams in their own
// column, money in yuan with the exact fen in their own column.
import {
  EXCLUSION_REASON_NAMES,
  GRADE_FAMILY_NAMES,
  type IncentiveStatementView,
  SITE_KIND_NAMES,
  SOURCE_CLASS_NAMES,
} from '@alutrace/shared';
import ExcelJS from 'exceljs';

const T = '0.000000';
const YUAN = '#,##0.00';

export async function renderStatementXlsx(view: IncentiveStatementView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'alutrace';
  wb.created = new Date(view.provenance.computedAt);
  const sheet = wb.addWorksheet('结算单 Statement');
  sheet.addRow(['废铝回收补贴结算单 Scrap aluminium recovery incentive statement']).font = { bold: true, size: 14 };
  sheet.addRow([
    '状态 Status',
    view.status === 'draft' ? '草稿（未出具） Draft (not issued)' : `已出具 Issued: ${view.statementId}`,
  ]);
  if (view.issuedSeq !== null) sheet.addRow(['出具记录 Issued in entry', view.issuedSeq, view.issuedAt]);
  sheet.addRow(['补贴方案 Scheme', view.scheme.code, view.scheme.nameZh, view.scheme.nameEn]);
  sheet.addRow(['方案期间 Scheme period', view.scheme.from, view.scheme.to]);
  sheet.addRow(['方案定义记录 Scheme defined in entry', view.scheme.definedSeq]);
  sheet.addRow(['站点 Site', view.site.code, view.site.nameZh, view.site.nameEn]);
  sheet.addRow(['类型 Kind', SITE_KIND_NAMES[view.site.kind].zh, SITE_KIND_NAMES[view.site.kind].en]);
  sheet.addRow(['所在地 District', view.site.district ?? '']);
  sheet.addRow(['备案/许可证号 Filing or licence no.', view.site.licence ?? '']);
  sheet.addRow(['结算期间 Period (Asia/Shanghai)', view.from, view.to]);
  sheet.addRow([]);
  const header = sheet.addRow([
    '账本记录 Entry',
    '叶哈希 Leaf hash',
    '批次号 Lot',
    '日期 Day',
    '品级类别 Grade family',
    '来源类别 Source class',
    '核定重量（吨） Verified mass (t)',
    '核定重量（克） Verified mass (g)',
    '费率（元/吨） Rate (yuan/t)',
    '费率（分/吨） Rate (fen/t)',
    '金额（元） Amount (yuan)',
    '金额（分） Amount (fen)',
  ]);
  header.font = { bold: true };
  for (const l of view.lines) {
    const row = sheet.addRow([
      l.seq,
      l.leafHash,
      l.lotId,
      l.day,
      l.family ? `${GRADE_FAMILY_NAMES[l.family].zh} ${GRADE_FAMILY_NAMES[l.family].en}` : '',
      l.sourceClass ? `${SOURCE_CLASS_NAMES[l.sourceClass].zh} ${SOURCE_CLASS_NAMES[l.sourceClass].en}` : '',
      l.massG / 1_000_000,
      l.massG,
      l.rateFenPerT / 100,
      l.rateFenPerT,
      l.amountFen / 100,
      l.amountFen,
    ]);
    row.getCell(7).numFmt = T;
    row.getCell(9).numFmt = YUAN;
    row.getCell(11).numFmt = YUAN;
  }
  const t = view.totals;
  sheet.addRow([]);
  const money = (label: string, fen: number) => {
    const row = sheet.addRow([label, fen / 100, fen]);
    row.getCell(2).numFmt = YUAN;
    return row;
  };
  sheet.addRow(['行数 Lines', t.lineCount]);
  sheet.addRow(['核定重量合计（吨，克） Verified mass (t, g)', t.paidG / 1_000_000, t.paidG]).getCell(2).numFmt = T;
  money('金额小计（元，分） Subtotal (yuan, fen)', t.subtotalFen);
  money('上限 Cap', t.capFen);
  money('本方案已付 Paid before under the scheme', t.capPaidBeforeFen);
  money('上限余额 Cap remaining', t.capRemainingFen);
  money('因上限扣减 Reduced by the cap', t.capReductionFen);
  money('应付金额 Payable', t.payableFen).font = { bold: true };
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 24;
  sheet.getColumn(3).width = 20;

  const ex = wb.addWorksheet('未计入 Excluded');
  ex.addRow([
    '账本记录 Entry',
    '叶哈希 Leaf hash',
    '批次号 Lot',
    '日期 Day',
    '品级类别 Grade family',
    '来源类别 Source class',
    '重量（吨） Mass (t)',
    '重量（克） Mass (g)',
    '原因代码 Reason code',
    '原因 Reason',
  ]).font = { bold: true };
  for (const x of view.exclusions) {
    ex
      .addRow([
        x.seq,
        x.leafHash,
        x.lotId,
        x.day,
        x.family ? GRADE_FAMILY_NAMES[x.family].zh : '',
        x.sourceClass ? SOURCE_CLASS_NAMES[x.sourceClass].zh : '',
        x.massG / 1_000_000,
        x.massG,
        x.reason,
        `${EXCLUSION_REASON_NAMES[x.reason].zh} ${EXCLUSION_REASON_NAMES[x.reason].en}`,
      ])
      .getCell(7).numFmt = T;
  }

  const cp = wb.addWorksheet('检查点 Checkpoint');
  const p = view.provenance;
  cp.addRow(['记录数（树大小） Tree size', p.treeSize]);
  cp.addRow(['根哈希 Root hash', p.rootHash]);
  cp.addRow(['时区 Time zone', p.timeZone]);
  cp.addRow(['计算方式 Computed from', p.computedFrom]);
  cp.addRow(['计算时间 Computed at', p.computedAt]);
  cp.addRow(['签名检查点 Signed checkpoint', p.checkpoint]);
  cp.getColumn(1).width = 30;
  cp.getColumn(2).width = 70;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
