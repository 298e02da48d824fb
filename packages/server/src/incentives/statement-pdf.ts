// An incentive statement as a PDF to hand to a finance office (A4, Chinese
// first with English beside it): title, status, scheme, enterprise, period,
// every line with the ledger entry it rests on, the totals and the cap, the
// exclusions with their reasons, the checkpoint it was computed at, and
// space for signatures. The text is real PDF text in Noto Sans SC, the
// labels' font (labels/label-font.ts), embedded by pdfkit subset to the
// glyphs used, so the Chinese is searchable and copyable.
import {
  EXCLUSION_REASON_NAMES,
  formatScaled,
  GRADE_FAMILY_NAMES,
  type IncentiveStatementView,
  SITE_KIND_NAMES,
  type SourceClass,
} from '@alutrace/shared';
import PDFDocument from 'pdfkit';
import { labelFontFile } from '../labels/label-font';

const MARGIN = 42;
const A4 = { width: 595.28, height: 841.89 };
const WIDTH = A4.width - 2 * MARGIN;
const BOTTOM = A4.height - MARGIN - 20;
/** The source class in a narrow column. */
const SHORT_SOURCE: Record<SourceClass, string> = { post_consumer: '消费后', pre_consumer: '消费前' };

/** Grams as tonnes, exactly (six decimals keep every gram). */
export function tonnes(g: number): string {
  return formatScaled(g, 6, 6);
}

/** Fen as yuan with two decimals, grouped by thousands. */
export function yuan(fen: number): string {
  const [whole = '0', fraction = '00'] = formatScaled(fen, 2, 2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

export function renderStatementPdf(view: IncentiveStatementView): Promise<Buffer> {
  const draft = view.status === 'draft';
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `废铝回收补贴结算单 ${view.scheme.code} ${view.site.code} ${view.from}–${view.to}`,
      Subject: 'Scrap aluminium recovery incentive statement',
      Creator: 'alutrace',
    },
  });
  doc.registerFont('regular', labelFontFile('regular'));
  doc.registerFont('bold', labelFontFile('bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const ensure = (height: number) => {
    if (doc.y + height > BOTTOM) doc.addPage();
  };
  const heading = (zh: string, en: string) => {
    ensure(40);
    doc.moveDown(0.6).font('bold').fontSize(11).fillColor('#000').text(`${zh}  ${en}`, MARGIN, doc.y);
    doc.moveDown(0.2);
  };
  const pair = (zh: string, en: string, value: string, size = 9) => {
    ensure(16);
    const y = doc.y;
    doc.font('regular').fontSize(8.5).fillColor('#444').text(`${zh} ${en}`, MARGIN, y, { width: 190 });
    doc
      .font('regular')
      .fontSize(size)
      .fillColor('#000')
      .text(value, MARGIN + 195, y, { width: WIDTH - 195 });
    doc.y = Math.max(doc.y, y + 12);
  };
  const table = (columns: Column[], rows: string[][]) => {
    const drawHeader = () => {
      const y = doc.y;
      doc.font('bold').fontSize(7.5).fillColor('#000');
      let x = MARGIN;
      let h = 0;
      for (const c of columns) {
        doc.text(c.title, x + 2, y, { width: c.width - 4, align: c.align ?? 'left' });
        h = Math.max(h, doc.y - y);
        x += c.width;
      }
      doc.y = y + h + 2;
      doc
        .moveTo(MARGIN, doc.y)
        .lineTo(MARGIN + WIDTH, doc.y)
        .lineWidth(0.6)
        .strokeColor('#000')
        .stroke();
      doc.y += 2;
    };
    ensure(40);
    drawHeader();
    for (const row of rows) {
      if (doc.y + 12 > BOTTOM) {
        doc.addPage();
        drawHeader();
      }
      const y = doc.y;
      doc.font('regular').fontSize(7.5).fillColor('#000');
      let x = MARGIN;
      row.forEach((cell, i) => {
        const c = columns[i] as Column;
        doc.text(cell, x + 2, y, { width: c.width - 4, align: c.align ?? 'left', lineBreak: false });
        x += c.width;
      });
      doc.y = y + 11;
    }
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + WIDTH, doc.y)
      .lineWidth(0.3)
      .strokeColor('#888')
      .stroke();
    doc.y += 3;
  };

  // ── Title ──
  doc
    .font('bold')
    .fontSize(17)
    .fillColor('#000')
    .text('废铝回收补贴结算单', MARGIN, MARGIN, { align: 'center', width: WIDTH });
  doc
    .font('regular')
    .fontSize(10)
    .text('Scrap aluminium recovery incentive statement', { align: 'center', width: WIDTH });
  doc
    .moveDown(0.3)
    .font('bold')
    .fontSize(9.5)
    .fillColor(draft ? '#b00020' : '#000')
    .text(
      draft
        ? '草稿：未出具，不得作为付款依据  Draft: not issued, not a basis for payment'
        : `已出具  Issued · 编号 No. ${view.statementId} · 账本记录 ledger entry ${view.issuedSeq} · ${view.issuedAt}`,
      { align: 'center', width: WIDTH },
    );

  heading('补贴方案', 'Scheme');
  pair('方案', 'Scheme', `${view.scheme.code}  ${view.scheme.nameZh} / ${view.scheme.nameEn}`);
  pair('方案期间', 'Scheme period', `${view.scheme.from} 至 to ${view.scheme.to}`);
  pair('方案定义', 'Defined by', `账本记录 ledger entry ${view.scheme.definedSeq}`);
  pair('每家企业上限', 'Cap per enterprise', `${yuan(view.scheme.capFen)} 元 yuan`);

  heading('企业与期间', 'Enterprise and period');
  pair('站点', 'Site', `${view.site.code}  ${view.site.nameZh} / ${view.site.nameEn}`);
  pair('类型', 'Kind', `${SITE_KIND_NAMES[view.site.kind].zh} / ${SITE_KIND_NAMES[view.site.kind].en}`);
  pair('所在地', 'District', view.site.district ?? '—');
  pair('备案/许可证号', 'Filing or licence no.', view.site.licence ?? '—');
  pair('结算期间', 'Period', `${view.from} 至 to ${view.to}（Asia/Shanghai）`);

  heading('结算明细', 'Lines');
  const lineColumns: Column[] = [
    { title: 'No.', width: 22, align: 'right' },
    { title: '记录号\nEntry', width: 40, align: 'right' },
    { title: '批次号\nLot', width: 88 },
    { title: '日期\nDay', width: 50 },
    { title: '品级类别\nFamily', width: 86 },
    { title: '来源\nSource', width: 38 },
    { title: '核定重量（吨）\nMass (t)', width: 62, align: 'right' },
    { title: '费率（元/吨）\nRate (yuan/t)', width: 57, align: 'right' },
    { title: '金额（元）\nAmount (yuan)', width: WIDTH - 443, align: 'right' },
  ];
  table(
    lineColumns,
    view.lines.map((l, i) => [
      String(i + 1),
      String(l.seq),
      l.lotId,
      l.day,
      l.family ? GRADE_FAMILY_NAMES[l.family].zh : '—',
      l.sourceClass ? SHORT_SOURCE[l.sourceClass] : '—',
      tonnes(l.massG),
      yuan(l.rateFenPerT),
      yuan(l.amountFen),
    ]),
  );
  doc
    .font('regular')
    .fontSize(7)
    .fillColor('#444')
    .text(
      '每行依据的回收登记记录见“账本记录”列，其叶哈希见电子版（XLSX）。金额 = 核定重量 × 费率，四舍五入到分。' +
        ' Each line rests on the collection entry in "Entry"; its leaf hash is in the XLSX. Amount = mass × rate, rounded half up to the fen.',
      MARGIN,
      doc.y,
      { width: WIDTH },
    );

  heading('合计', 'Totals');
  const t = view.totals;
  pair('行数', 'Lines', String(t.lineCount));
  pair('核定重量合计', 'Verified mass', `${tonnes(t.paidG)} 吨 t`);
  pair('金额小计', 'Subtotal', `${yuan(t.subtotalFen)} 元 yuan`);
  pair('上限', 'Cap', `${yuan(t.capFen)} 元 yuan`);
  pair('本方案已付', 'Paid before under the scheme', `${yuan(t.capPaidBeforeFen)} 元 yuan`);
  pair('上限余额', 'Cap remaining', `${yuan(t.capRemainingFen)} 元 yuan`);
  pair('因上限扣减', 'Reduced by the cap', `${yuan(t.capReductionFen)} 元 yuan`);
  ensure(20);
  const y = doc.y + 2;
  doc.font('bold').fontSize(11).fillColor('#000').text('应付金额  Payable', MARGIN, y, { width: 190 });
  doc.text(`${yuan(t.payableFen)} 元 yuan`, MARGIN + 195, y);
  doc.moveDown(0.3);

  heading('未计入的吨位', 'Tonnage excluded');
  if (view.excludedByReason.length === 0) {
    doc.font('regular').fontSize(9).text('无  None', MARGIN, doc.y);
  } else {
    table(
      [
        { title: '原因 Reason', width: 330 },
        { title: '批次数 Lots', width: 70, align: 'right' },
        { title: '重量（吨） Mass (t)', width: WIDTH - 400, align: 'right' },
      ],
      view.excludedByReason.map((r) => [
        `${EXCLUSION_REASON_NAMES[r.reason].zh} / ${EXCLUSION_REASON_NAMES[r.reason].en}`,
        String(r.lots),
        tonnes(r.massG),
      ]),
    );
    doc.moveDown(0.5);
    table(
      [
        { title: '账本记录\nEntry', width: 50, align: 'right' },
        { title: '批次号\nLot', width: 100 },
        { title: '日期\nDay', width: 55 },
        { title: '来源\nSource', width: 60 },
        { title: '重量（吨）\nMass (t)', width: 65, align: 'right' },
        { title: '原因\nReason', width: WIDTH - 330 },
      ],
      view.exclusions.map((x) => [
        String(x.seq),
        x.lotId,
        x.day,
        x.sourceClass ? SHORT_SOURCE[x.sourceClass] : '—',
        tonnes(x.massG),
        EXCLUSION_REASON_NAMES[x.reason].zh,
      ]),
    );
  }

  heading('账本检查点', 'Ledger checkpoint');
  const p = view.provenance;
  pair('记录数（树大小）', 'Tree size', String(p.treeSize));
  // Small enough that the 64 hex digits stay on one line, so the hash can be copied whole.
  pair('根哈希', 'Root hash', p.rootHash, 7.5);
  pair(
    '计算方式',
    'Computed from',
    p.computedFrom === 'log' ? '账本记录本身 the ledger entries' : '账本派生表 derived tables',
  );
  pair('计算时间', 'Computed at', p.computedAt);
  ensure(60);
  doc
    .font('regular')
    .fontSize(6.5)
    .fillColor('#444')
    .text(p.checkpoint, MARGIN, doc.y + 2, { width: WIDTH });

  // ── Signatures ──
  if (doc.y + 120 > BOTTOM) doc.addPage();
  heading('签章', 'Signatures');
  const boxes = [
    ['经办人', 'Prepared by'],
    ['复核人', 'Checked by'],
    ['审批人', 'Approved by'],
    ['财务部门（盖章）', 'Finance office (seal)'],
  ] as const;
  const top = doc.y + 4;
  const w = WIDTH / boxes.length;
  boxes.forEach(([zh, en], i) => {
    const x = MARGIN + i * w;
    doc
      .rect(x + 2, top, w - 4, 90)
      .lineWidth(0.5)
      .strokeColor('#000')
      .stroke();
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor('#000')
      .text(`${zh}\n${en}`, x + 6, top + 4, { width: w - 12 });
    doc.fontSize(7.5).text('日期 Date：', x + 6, top + 74, { width: w - 12 });
  });
  doc.y = top + 96;

  // ── Page numbers ──
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7)
      .fillColor('#666')
      .text(
        `${view.scheme.code} · ${view.site.code} · ${view.from}–${view.to} · 第 ${i + 1} 页，共 ${range.count} 页 Page ${i + 1} of ${range.count}`,
        MARGIN,
        A4.height - MARGIN + 6,
        { width: WIDTH, align: 'center', lineBreak: false },
      );
  }
  doc.end();
  return done;
}
