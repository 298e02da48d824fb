// A label as SVG: 60 × 40 mm, drawn in printer dots (viewBox 480 × 320 at
// 203 dpi), the QR code as one path of whole-dot modules with its quiet zone
// left white, the text as glyph outlines of the label font (label-font.ts),
// so it needs no font wherever it is shown: each glyph's outline is defined
// once and placed with <use>. The PNG is rendered from it.
import type { LabelData } from './label-data';
import { GlyphSet, unitsPerEm } from './label-font';
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

const r = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * The label's inner SVG elements (no <svg> wrapper: the print page inlines
 * several), its glyphs referring to outlines collected in `glyphs`, which the
 * caller writes once with glyphDefs().
 */
export function labelSvgBody(label: LabelData, glyphs: GlyphSet): string {
  const layout = layoutLabel(label);
  let text = '';
  for (const t of layout.texts) {
    const weight = t.bold ? 'bold' : 'regular';
    const scale = t.size / unitsPerEm(weight);
    for (const g of glyphs.place(t.text, t.x, t.y, t.size, weight)) {
      text += `<use href="#g${g.key}" transform="translate(${r(g.x)} ${r(g.y)}) scale(${Math.round(scale * 1e5) / 1e5})"/>`;
    }
  }
  return (
    `<rect width="${LABEL_WIDTH}" height="${LABEL_HEIGHT}" fill="#fff"/>` +
    `<path d="${qrPath(layout)}" fill="#000" shape-rendering="crispEdges"/>` +
    `<g fill="#000">${text}</g>`
  );
}

/** The outlines of every glyph placed through `glyphs`, as <defs>. */
export function glyphDefs(glyphs: GlyphSet): string {
  return `<defs>${glyphs
    .entries()
    .map(([key, d]) => `<path id="g${key}" d="${d}"/>`)
    .join('')}</defs>`;
}

/** What the label says, as text: its title for screen readers and search. */
export function labelTitle(label: LabelData): string {
  return `${label.lotId} ${label.material} ${labelMass(label.massG)} ${labelDate(label.createdAt)} ${label.siteCode} ${label.siteName}`;
}

export function renderLabelSvg(label: LabelData): string {
  const glyphs = new GlyphSet();
  const body = labelSvgBody(label, glyphs);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LABEL_WIDTH_MM}mm" height="${LABEL_HEIGHT_MM}mm" ` +
    `viewBox="0 0 ${LABEL_WIDTH} ${LABEL_HEIGHT}" role="img" aria-label="${escapeXml(labelTitle(label))}">` +
    `<title>${escapeXml(labelTitle(label))}</title>${glyphDefs(glyphs)}${body}</svg>`
  );
}
