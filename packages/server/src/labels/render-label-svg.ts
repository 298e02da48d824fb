// A label as SVG: 60 × 40 mm, drawn in printer dots (viewBox 480 × 320 at
// 203 dpi), the QR code as one path of whole-dot modules with its quiet zone
// left white, the text as glyph outlines of the label font (label-font.ts),
// so it needs no font wherever it is shown. The PNG is rendered from it.
import type { LabelData } from './label-data';
import { textPathData } from './label-font';
import {
  LABEL_HEIGHT,
  LABEL_HEIGHT_MM,
  LABEL_WIDTH,
  LABEL_WIDTH_MM,
  type LabelLayout,
  labelDate,
  labelMass,
  layoutLabel,
} from './label-layout';

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function qrPath(layout: LabelLayout): string {
  const { qr } = layout;
  let d = '';
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      // Runs of dark modules in a row become one rectangle: a smaller file, no seams.
      if (!qr.dark(row, col) || (col > 0 && qr.dark(row, col - 1))) continue;
      let run = 1;
      while (col + run < qr.size && qr.dark(row, col + run)) run++;
      d += `M${qr.x + col * qr.module} ${qr.y + row * qr.module}h${run * qr.module}v${qr.module}h${-run * qr.module}z`;
    }
  }
  return d;
}

/** The label's inner SVG elements (no <svg> wrapper): the print page inlines several. */
export function labelSvgBody(label: LabelData): string {
  const layout = layoutLabel(label);
  const text = layout.texts.map((t) => textPathData(t.text, t.x, t.y, t.size, t.bold ? 'bold' : 'regular')).join('');
  return (
    `<rect width="${LABEL_WIDTH}" height="${LABEL_HEIGHT}" fill="#fff"/>` +
    `<path d="${qrPath(layout)}" fill="#000" shape-rendering="crispEdges"/>` +
    `<path d="${text}" fill="#000"/>`
  );
}

/** What the label says, as text: its title for screen readers and search. */
export function labelTitle(label: LabelData): string {
  return `${label.lotId} ${label.material} ${labelMass(label.massG)} ${labelDate(label.createdAt)} ${label.siteCode} ${label.siteName}`;
}

export function renderLabelSvg(label: LabelData): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LABEL_WIDTH_MM}mm" height="${LABEL_HEIGHT_MM}mm" ` +
    `viewBox="0 0 ${LABEL_WIDTH} ${LABEL_HEIGHT}" role="img" aria-label="${escapeXml(labelTitle(label))}">` +
    `<title>${escapeXml(labelTitle(label))}</title>${labelSvgBody(label)}</svg>`
  );
}
