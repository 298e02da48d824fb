// How a ReportTable cell reads on screen: masses in t or kg with the exact
// grams kept for the tooltip, ratios (ppm) as percent, money (fen) in yuan,
// CO2e (kg) in tonnes. Integer arithmetic only, so the figure on screen is
// the figure the ledger holds, rounded the way the header says.
import { formatScaled, type ReportCell, type ReportColumn } from '@alutrace/shared';

export interface CellText {
  /** What the cell shows. */
  text: string;
  /** The exact value, for the tooltip (title), when the text rounds it. */
  exact?: string;
}

/** "1234567.5" → "1,234,567.5": groups the whole part by thousands, as both zh-CN and en-GB write figures. */
export function groupThousands(decimal: string): string {
  const [whole = '', fraction] = decimal.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** An integer divided by 10^exponent, rounded half away from zero, with exactly `decimals` decimals. */
export function roundedScaled(amount: number, exponent: number, decimals: number): string {
  const drop = exponent - decimals;
  if (drop <= 0) return formatScaled(amount, exponent, decimals);
  const unit = 10 ** drop;
  const magnitude = Math.abs(amount);
  const rounded = Math.floor(magnitude / unit) + (magnitude % unit >= unit / 2 ? 1 : 0);
  const text = formatScaled(rounded, decimals, decimals);
  return amount < 0 && rounded !== 0 ? `-${text}` : text;
}

/** Grams as tonnes to the kilogram ("1,234.568") or as kilograms to the gram ("1,234,567.891"). */
export function massText(grams: number, unit: 't' | 'kg'): string {
  return groupThousands(unit === 't' ? roundedScaled(grams, 6, 3) : formatScaled(grams, 3, 3));
}

export function gramsText(grams: number): string {
  return `${groupThousands(String(grams))} g`;
}

/** Parts per million as a percent with two decimals: 905123 → "90.51 %". */
export function percentText(ppm: number): string {
  return `${groupThousands(roundedScaled(ppm, 4, 2))} %`;
}

/** Fen as yuan: 1234500 → "¥12,345.00". */
export function yuanText(fen: number): string {
  const text = groupThousands(formatScaled(fen, 2, 2));
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

/** The unit a column's header names, or none. */
export function columnUnit(column: ReportColumn): string | null {
  switch (column.kind) {
    case 'mass':
      return column.unit ?? 't';
    case 'co2e':
      return 't CO₂e';
    case 'ratio':
      return '%';
    case 'money':
      return '¥';
    default:
      return null;
  }
}

export function formatCell(column: ReportColumn, value: ReportCell): CellText {
  if (value === null || value === '') return { text: '—' };
  if (typeof value === 'string') return { text: value };
  switch (column.kind) {
    case 'mass':
      return { text: massText(value, column.unit ?? 't'), exact: gramsText(value) };
    case 'co2e':
      // Kilograms of CO2e are kept; tonnes are shown.
      return { text: groupThousands(roundedScaled(value, 3, 3)), exact: `${groupThousands(String(value))} kg CO₂e` };
    case 'ratio':
      return { text: percentText(value), exact: `${groupThousands(String(value))} ppm` };
    case 'money':
      return { text: yuanText(value), exact: `${groupThousands(String(value))} fen` };
    case 'count':
    case 'days':
      return { text: groupThousands(String(value)) };
    default:
      return { text: String(value) };
  }
}

/** A cell as a plain number for a chart: masses in the column's unit, ratios in percent, money in yuan. */
export function chartValue(column: ReportColumn, value: ReportCell): number | null {
  if (typeof value !== 'number') return null;
  switch (column.kind) {
    case 'mass':
      return value / ((column.unit ?? 't') === 't' ? 1_000_000 : 1_000);
    case 'co2e':
      return value / 1_000;
    case 'ratio':
      return value / 10_000;
    case 'money':
      return value / 100;
    default:
      return value;
  }
}

/** An integer over 10^exponent as a plain decimal for an input's value, without grouping: 925000, 4 → "92.5". */
export function formatScaledPlain(amount: number, exponent: number): string {
  return formatScaled(amount, exponent);
}
