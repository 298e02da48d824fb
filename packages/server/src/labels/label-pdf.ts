// Labels on A4 sheets, 3 × 7 per page, each 60 × 40 mm drawn from the same
// layout as the SVG (label-layout.ts). The text is real PDF text in Noto Sans
// SC, embedded by pdfkit subset to the glyphs used, so a sheet of 21 labels
// stays small and its Chinese is searchable and copyable.
import PDFDocument from 'pdfkit';
import type { LabelData } from './label-data';
import { labelFontFile } from './label-font';
import { LABEL_HEIGHT_MM, LABEL_WIDTH, LABEL_WIDTH_MM, layoutLabel } from './label-layout';

const PT_PER_MM = 72 / 25.4;
const A4 = { width: 210 * PT_PER_MM, height: 297 * PT_PER_MM };
export const SHEET_COLUMNS = 3;
export const SHEET_ROWS = 7;
/** Printer points per label dot. */
const SCALE = (LABEL_WIDTH_MM * PT_PER_MM) / LABEL_WIDTH;
const LABEL = { width: LABEL_WIDTH_MM * PT_PER_MM, height: LABEL_HEIGHT_MM * PT_PER_MM };
const ORIGIN = {
  x: (A4.width - SHEET_COLUMNS * LABEL.width) / 2,
  y: (A4.height - SHEET_ROWS * LABEL.height) / 2,
};

function drawLabel(doc: PDFKit.PDFDocument, label: LabelData, left: number, top: number): void {
  const { texts, qr } = layoutLabel(label);
  // A hairline to cut along; light enough not to disturb a scan.
  doc.save().lineWidth(0.25).strokeColor('#bbbbbb').rect(left, top, LABEL.width, LABEL.height).stroke().restore();
  doc.save().fillColor('#000000');
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (!qr.dark(row, col) || (col > 0 && qr.dark(row, col - 1))) continue;
      let run = 1;
      while (col + run < qr.size && qr.dark(row, col + run)) run++;
      doc.rect(
        left + (qr.x + col * qr.module) * SCALE,
        top + (qr.y + row * qr.module) * SCALE,
        run * qr.module * SCALE,
        qr.module * SCALE,
      );
    }
  }
  doc.fill();
  for (const t of texts) {
    doc
      .font(t.bold ? 'bold' : 'regular')
      .fontSize(t.size * SCALE)
      .text(t.text, left + t.x * SCALE, top + t.y * SCALE, { lineBreak: false, baseline: 'alphabetic' });
  }
  doc.restore();
}

export function renderLabelSheetPdf(labels: readonly LabelData[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: `alutrace labels: ${labels.map((l) => l.lotId).join(', ')}`.slice(0, 200), Creator: 'alutrace' },
  });
  doc.registerFont('regular', labelFontFile('regular'));
  doc.registerFont('bold', labelFontFile('bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const perPage = SHEET_COLUMNS * SHEET_ROWS;
  labels.forEach((label, i) => {
    const slot = i % perPage;
    if (slot === 0) doc.addPage();
    const col = slot % SHEET_COLUMNS;
    const row = Math.floor(slot / SHEET_COLUMNS);
    drawLabel(doc, label, ORIGIN.x + col * LABEL.width, ORIGIN.y + row * LABEL.height);
  });
  doc.end();
  return done;
}
