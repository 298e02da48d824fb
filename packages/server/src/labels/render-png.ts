// A label as PNG, 480 × 320 px: 60 × 40 mm at 203 dpi, a thermal printer's
// own resolution, so the printer maps one pixel to one dot. Rasterised from
// the label's SVG by resvg; the SVG's text is already outlines, so no font
// (and never a system font) is loaded.
import { Resvg } from '@resvg/resvg-js';
import type { LabelData } from './label-data';
import { LABEL_WIDTH } from './label-layout';
import { renderLabelSvg } from './render-label-svg';

export function renderLabelPng(label: LabelData): Buffer {
  const resvg = new Resvg(renderLabelSvg(label), {
    fitTo: { mode: 'width', value: LABEL_WIDTH },
    background: '#ffffff',
    font: { loadSystemFonts: false },
  });
  return resvg.render().asPng();
}
