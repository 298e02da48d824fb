// Masses as people type and read them: g, kg or t in, integer grams inside
// (DOMAIN.md: no floating-point mass, ever), kg out.
import { type AmountResult, type AmountUnits, formatScaled, parseDecimalAmount } from './decimal-amount';

const MASS_UNITS: AmountUnits = {
  units: { g: 0, kg: 3, t: 6, 克: 0, 千克: 3, 公斤: 3, 吨: 6 },
  refused: {
    ton: {
      en: '"ton" is ambiguous (short, long or metric ton): write t for tonnes (1 t = 1000 kg)',
      zh: '“ton”有歧义（短吨、长吨或公吨）：公吨请写 t（1 t = 1000 kg）',
    },
    tons: {
      en: '"tons" is ambiguous (short, long or metric tons): write t for tonnes (1 t = 1000 kg)',
      zh: '“tons”有歧义（短吨、长吨或公吨）：公吨请写 t（1 t = 1000 kg）',
    },
    mt: {
      en: '"mt" is ambiguous (metric ton or megatonne): write t for tonnes',
      zh: '“mt”有歧义（公吨或百万吨）：公吨请写 t',
    },
    斤: { en: '斤 (jin) is not accepted: write kg (1 斤 = 0.5 kg)', zh: '不接受“斤”：请写千克 kg（1 斤 = 0.5 kg）' },
    lb: { en: 'pounds are not accepted: write kg or t', zh: '不接受磅：请写 kg 或 t' },
    lbs: { en: 'pounds are not accepted: write kg or t', zh: '不接受磅：请写 kg 或 t' },
    mg: { en: 'masses are whole grams: write g, kg or t', zh: '质量以整克计：请写 g、kg 或 t' },
  },
  smallest: { en: 'grams', zh: '克' },
  hint: { en: 'g, kg or t', zh: 'g（克）、kg（千克）或 t（吨）' },
  example: (digits) => `${digits}kg`,
};

/**
 * Grams from a typed mass: "1523kg" → 1523000, "1.5t" → 1500000,
 * "0.0005kg" is refused (half a gram). A bare number is refused.
 */
export function parseMassText(text: string): AmountResult {
  return parseDecimalAmount(text, MASS_UNITS);
}

/** Grams as kilograms for people: 1311500 → "1311.5 kg", 12 → "0.012 kg". */
export function formatMassKg(grams: number): string {
  return `${formatScaled(grams, 3)} kg`;
}
