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

export interface PlacedGlyph {
  /** Stable per weight and glyph: the id of its outline in a GlyphSet. */
  key: string;
  /** Where its origin goes, in the caller's units. */
  x: number;
  y: number;
}

/** One outline per glyph used, shared by every place it is drawn (a print page of 100 labels repeats most). */
export class GlyphSet {
  private readonly outlines = new Map<string, string>();

  /** `text` at `size` with its baseline starting at (x, y), each glyph keyed to its outline here. */
  place(text: string, x: number, y: number, size: number, weight: Weight): PlacedGlyph[] {
    const f = font(weight);
    const s = size / f.unitsPerEm;
    const run = f.layout(text);
    let pen = 0;
    return run.glyphs.map((glyph, i) => {
      const pos = run.positions[i];
      const key = `${weight === 'bold' ? 'b' : 'r'}${glyph.id}`;
      if (!this.outlines.has(key)) this.outlines.set(key, outline(glyph.path.commands));
      const placed = { key, x: x + (pen + (pos?.xOffset ?? 0)) * s, y: y - (pos?.yOffset ?? 0) * s };
      pen += pos?.xAdvance ?? glyph.advanceWidth;
      return placed;
    });
  }

  /** The outlines used so far, `[key, SVG path data]`, in font units (1000 to the em) with y pointing down. */
  entries(): [string, string][] {
    return [...this.outlines];
  }
}

/** Font units per em of the label font: a glyph outline is scaled by size / this. */
export function unitsPerEm(weight: Weight): number {
  return font(weight).unitsPerEm;
}

function outline(commands: readonly fontkit.PathCommand[]): string {
  // Font units point up, SVG's y points down; whole font units are finer than any print head.
  const pt = (args: number[]): string => {
    const out: string[] = [];
    for (let k = 0; k + 1 < args.length; k += 2)
      out.push(`${Math.round(args[k] ?? 0)} ${Math.round(-(args[k + 1] ?? 0))}`);
    return out.join(' ');
  };
  let d = '';
  for (const c of commands) {
    if (c.command === 'moveTo') d += `M${pt(c.args)}`;
    else if (c.command === 'lineTo') d += `L${pt(c.args)}`;
    else if (c.command === 'quadraticCurveTo') d += `Q${pt(c.args)}`;
    else if (c.command === 'bezierCurveTo') d += `C${pt(c.args)}`;
    else if (c.command === 'closePath') d += 'Z';
  }
  return d;
}
