// A ReportTable's columns as a file shows them: each header in one language
// with its unit, and each value in that unit exactly. A mass column becomes
// two, the mass in the column's unit (t or kg) and the exact integer grams,
// so a reader can sum either and a checker can compare grams with the ledger.
import { formatScaled, type ReportCell, type ReportColumn, type ReportTable } from '@alutrace/shared';

export type ExportLang = 'zh' | 'en';

/** How a value is typed in a spreadsheet: text, a whole number, or a decimal shown with `decimals` places. */
export type ExportValueKind = 'text' | 'integer' | 'decimal' | 'percent';

export interface ExportColumn {
  /** The header: the column's label in `lang` and its unit, e.g. "净重（吨）", "Net (t)". */
  header: string;
  kind: ExportValueKind;
  /** Places shown for decimals and percents (a percent's places are of the percentage). */
  decimals: number;
  /** The exact text of a cell, as the CSV holds it: "120.329", "90.5", "12345.67"; '' for none. */
  text: (cell: ReportCell) => string;
  /** The cell as a spreadsheet number (a percent as a fraction, 0.905), text, or null. */
  value: (cell: ReportCell) => string | number | null;
}

const UNIT_NAMES = {
  t: { zh: '吨', en: 't' },
  kg: { zh: '千克', en: 'kg' },
  g: { zh: '克', en: 'g' },
  percent: { zh: '%', en: '%' },
  yuan: { zh: '元', en: 'yuan' },
  co2e: { zh: '吨二氧化碳当量', en: 't CO₂e' },
  days: { zh: '天', en: 'days' },
} as const;

/** "净重（吨）" in Chinese, "Net (t)" in English. */
export function headerWithUnit(label: string, unit: keyof typeof UNIT_NAMES | null, lang: ExportLang): string {
  if (!unit) return label;
  const name = UNIT_NAMES[unit][lang];
  return lang === 'zh' ? `${label}（${name}）` : `${label} (${name})`;
}

function asInteger(cell: ReportCell, column: string): number | null {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell !== 'number' || !Number.isSafeInteger(cell)) {
    // A report's numeric columns hold integers by contract; anything else is a bug in the report.
    throw new TypeError(`report column ${column} holds ${JSON.stringify(cell)}, not an integer`);
  }
  return cell;
}

/** A scaled integer column: `exponent` places moved (grams → t is 6), shown to `decimals` places. */
function scaledColumn(
  header: string,
  key: string,
  exponent: number,
  decimals: number,
  kind: ExportValueKind = 'decimal',
): ExportColumn {
  return {
    header,
    kind,
    decimals,
    text: (cell) => {
      const n = asInteger(cell, key);
      return n === null ? '' : formatScaled(n, exponent, decimals);
    },
    value: (cell) => {
      const n = asInteger(cell, key);
      if (n === null) return null;
      // Number(exact decimal text) is the nearest double to the exact value; a percent is kept as the fraction.
      return Number(formatScaled(n, kind === 'percent' ? exponent + 2 : exponent));
    },
  };
}

function plainColumn(header: string, key: string, kind: 'text' | 'integer'): ExportColumn {
  return {
    header,
    kind,
    decimals: 0,
    text: (cell) => (cell === null || cell === undefined ? '' : String(cell)),
    value: (cell) => {
      if (cell === null || cell === undefined || cell === '') return null;
      return kind === 'integer' ? asInteger(cell, key) : String(cell);
    },
  };
}

/** The file's columns for one report column (two for a mass). */
export function exportColumnsFor(column: ReportColumn, lang: ExportLang): ExportColumn[] {
  const label = column.label[lang];
  switch (column.kind) {
    case 'text':
    case 'date':
      return [plainColumn(label, column.key, 'text')];
    case 'count':
      return [plainColumn(label, column.key, 'integer')];
    case 'days':
      return [plainColumn(headerWithUnit(label, 'days', lang), column.key, 'integer')];
    case 'mass': {
      const unit = column.unit ?? 't';
      const shown =
        unit === 't'
          ? scaledColumn(headerWithUnit(label, 't', lang), column.key, 6, 3)
          : scaledColumn(headerWithUnit(label, 'kg', lang), column.key, 3, 1);
      return [shown, plainColumn(headerWithUnit(label, 'g', lang), column.key, 'integer')];
    }
    case 'ratio':
      // ppm → percent: 905_000 ppm is 90.5 %; four places of the percentage keep every ppm.
      return [scaledColumn(headerWithUnit(label, 'percent', lang), column.key, 4, 2, 'percent')];
    case 'money':
      return [scaledColumn(headerWithUnit(label, 'yuan', lang), column.key, 2, 2)];
    case 'co2e':
      // Kilograms of CO2e kept, shown in tonnes: three places keep every kilogram.
      return [scaledColumn(headerWithUnit(label, 'co2e', lang), column.key, 3, 3)];
  }
}

/** Every file column of a table, each with the report column it reads. */
export function exportColumns(table: ReportTable, lang: ExportLang): { source: ReportColumn; column: ExportColumn }[] {
  return table.columns.flatMap((source) => exportColumnsFor(source, lang).map((column) => ({ source, column })));
}
