// Where everything goes on a 60 × 40 mm label, in printer dots at 203 dpi
// (480 × 320). The SVG and the PDF sheet draw the same layout, so a label
// looks the same whichever way it is printed.
import { formatScaled, shanghaiDay } from '@alutrace/shared';
import QRCode from 'qrcode';
import type { LabelData } from './label-data';
import { measureText } from './label-font';

export const LABEL_WIDTH = 480;
export const LABEL_HEIGHT = 320;
export const LABEL_WIDTH_MM = 60;
export const LABEL_HEIGHT_MM = 40;
/** ISO/IEC 18004 §6.3.8: four modules of light margin on every side of the symbol. */
export const QUIET_ZONE_MODULES = 4;

const MARGIN = 10;

export interface TextItem {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  size: number;
  bold: boolean;
}

export interface QrBlock {
  /** Top-left of the symbol itself (the quiet zone lies around it). */
  x: number;
  y: number;
  module: number;
  size: number;
  dark(row: number, col: number): boolean;
}

export interface LabelLayout {
  texts: TextItem[];
  qr: QrBlock;
}

/** Grams as kilograms, exactly, with at least one decimal: 1311000 → "1311.0 kg". */
export function labelMass(grams: number): string {
  return `${formatScaled(grams, 3, 1)} kg`;
}

/** The calendar day in Asia/Shanghai: "2026-11-28". */
export function labelDate(iso: string): string {
  const d = shanghaiDay(new Date(iso));
  return `20${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
}

/** Below this a thermal head's 8 dots per mm no longer print legible Chinese. */
const MIN_TEXT_SIZE = 16;

function fitted(text: string, x: number, y: number, size: number, maxWidth: number, bold: boolean): TextItem {
  // Text that would overflow gets a smaller size, and past the smallest a visible "…", never a clipped end.
  const weight = bold ? 'bold' : 'regular';
  const width = measureText(text, size, weight);
  if (width <= maxWidth) return { text, x, y, size, bold };
  const fit = Math.floor((size * maxWidth) / width);
  if (fit >= MIN_TEXT_SIZE) return { text, x, y, size: fit, bold };
  const chars = [...text];
  while (chars.length > 1 && measureText(`${chars.join('')}…`, MIN_TEXT_SIZE, weight) > maxWidth) chars.pop();
  return { text: `${chars.join('')}…`, x, y, size: MIN_TEXT_SIZE, bold };
}

export function layoutLabel(label: LabelData): LabelLayout {
  // M recovers 15 % of the symbol: enough for a scuffed thermal label.
  const code = QRCode.create(label.url, { errorCorrectionLevel: 'M' });
  const size = code.modules.size;
  const top = 62;
  const box = LABEL_HEIGHT - top - MARGIN + QUIET_ZONE_MODULES; // the quiet zone may reach the bottom margin
  // Whole dots per module, so that every module prints the same on a 203 dpi head.
  const module = Math.max(2, Math.floor(box / (size + 2 * QUIET_ZONE_MODULES)));
  const qrOuter = module * (size + 2 * QUIET_ZONE_MODULES);
  const qr: QrBlock = {
    x: MARGIN - 6 + module * QUIET_ZONE_MODULES,
    y: LABEL_HEIGHT - qrOuter + module * QUIET_ZONE_MODULES - 2,
    module,
    size,
    dark: (row, col) => code.modules.get(row, col) === 1,
  };
  const right = MARGIN - 6 + qrOuter;
  const width = LABEL_WIDTH - MARGIN - right;
  const texts = [
    fitted(label.lotId, MARGIN, 48, 46, LABEL_WIDTH - 2 * MARGIN, true),
    fitted(label.material, right, 112, 34, width, true),
    fitted(labelMass(label.massG), right, 166, 36, width, true),
    fitted(labelDate(label.createdAt), right, 210, 24, width, false),
    fitted(label.siteCode, right, 254, 24, width, true),
    fitted(label.siteName, right, 292, 24, width, false),
  ];
  return { texts, qr };
}
