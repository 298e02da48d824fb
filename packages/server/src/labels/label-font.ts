// The label's typeface: Noto Sans SC (SIL Open Font License, TrueType
// outlines) from the @expo-google-fonts/noto-sans-sc package, never a system
// font (labels would then depend on the machine) and never a download.
// Text on the SVG and PNG labels is drawn as glyph outlines, so a label looks
// the same in every viewer and resvg needs no font at all; the PDF sheet
// embeds the same font, subset to the glyphs used (label-pdf.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export type Weight = 'regular' | 'bold';

export function labelFontFile(weight: Weight): string {
  const file = weight === 'bold' ? '700Bold/NotoSansSC_700Bold.ttf' : '400Regular/NotoSansSC_400Regular.ttf';
  return require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`);
}

const fonts = new Map<Weight, fontkit.Font>();

/** Opened once per process: about 10 ms a weight (fontkit reads tables lazily). */
function font(weight: Weight): fontkit.Font {
  let f = fonts.get(weight);
  if (!f) {
    f = fontkit.create(readFileSync(labelFontFile(weight))) as fontkit.Font;
    fonts.set(weight, f);
  }
  return f;
}

/** The advance width of `text` at `size` (same units as size). */
export function measureText(text: string, size: number, weight: Weight): number {
  const f = font(weight);
  return (f.layout(text).advanceWidth * size) / f.unitsPerEm;
}

// A tenth of a printer dot is finer than any head prints.
const r = (n: number): string => String(Math.round(n * 10) / 10);

/** The outlines of `text` as SVG path data, its baseline starting at (x, y). */
export function textPathData(text: string, x: number, y: number, size: number, weight: Weight): string {
  const f = font(weight);
  const s = size / f.unitsPerEm;
  const run = f.layout(text);
  let pen = 0;
  let d = '';
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i];
    const ox = x + (pen + (pos?.xOffset ?? 0)) * s;
    const oy = y - (pos?.yOffset ?? 0) * s;
    // Font units point up, SVG's y points down.
    const pt = (args: number[]): string => {
      const out: string[] = [];
      for (let k = 0; k + 1 < args.length; k += 2)
        out.push(`${r(ox + (args[k] ?? 0) * s)} ${r(oy - (args[k + 1] ?? 0) * s)}`);
      return out.join(' ');
    };
    for (const c of glyph.path.commands) {
      if (c.command === 'moveTo') d += `M${pt(c.args)}`;
      else if (c.command === 'lineTo') d += `L${pt(c.args)}`;
      else if (c.command === 'quadraticCurveTo') d += `Q${pt(c.args)}`;
      else if (c.command === 'bezierCurveTo') d += `C${pt(c.args)}`;
      else if (c.command === 'closePath') d += 'Z';
    }
    pen += pos?.xAdvance ?? glyph.advanceWidth;
  });
  return d;
}
