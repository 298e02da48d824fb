// The print page: one 60 × 40 mm label per printed page (CSS @page), for a
// thermal label printer. Each label is the inline SVG of render-label-svg.ts.
// The print dialog opens by itself only with ?print=1, through a script file
// of our own (the Content-Security-Policy allows no inline script).
import type { LabelData } from './label-data';
import { GlyphSet } from './label-font';
import { LABEL_HEIGHT, LABEL_HEIGHT_MM, LABEL_WIDTH, LABEL_WIDTH_MM } from './label-layout';
import { glyphDefs, labelSvgBody, labelTitle } from './render-label-svg';

export const PRINT_SCRIPT_PATH = '/labels/print.js';
export const PRINT_SCRIPT = "window.addEventListener('load', () => window.print());\n";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderPrintPage(labels: readonly LabelData[], options: { autoPrint: boolean }): string {
  const w = `${LABEL_WIDTH_MM}mm`;
  const h = `${LABEL_HEIGHT_MM}mm`;
  // The labels share one set of glyph outlines, defined once at the top of the page.
  const glyphs = new GlyphSet();
  const pages = labels
    .map(
      (l) =>
        `<section class="label"><svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${LABEL_WIDTH} ${LABEL_HEIGHT}" role="img" aria-label="${escapeHtml(labelTitle(l))}">${labelSvgBody(l, glyphs)}</svg></section>`,
    )
    .join('\n');
  const defs = `<svg xmlns="http://www.w3.org/2000/svg" class="glyphs" width="0" height="0" aria-hidden="true">${glyphDefs(glyphs)}</svg>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>标签 · Labels (${labels.length})</title>
<style>
@page { size: ${w} ${h}; margin: 0 }
html, body { margin: 0; padding: 0 }
.label { width: ${w}; height: ${h}; overflow: hidden; page-break-after: always; break-after: page }
.label:last-child { page-break-after: auto; break-after: auto }
.label svg { display: block }
.glyphs { position: absolute; width: 0; height: 0; overflow: hidden }
@media screen {
  body { background: #eee; padding: 8mm }
  .label { background: #fff; margin: 0 0 6mm; box-shadow: 0 0 0 1px #ccc }
}
</style>
${options.autoPrint ? `<script src="${PRINT_SCRIPT_PATH}" defer></script>\n` : ''}</head>
<body>
${defs}
${pages}
</body>
</html>
`;
}
