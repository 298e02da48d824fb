// Amounts as typed on the target and incentive forms, exact in integers:
// yuan to fen, tonnes to grams, percent to ppm. A bare number is in the
// unit the field's label names; thousands separators are allowed.
import { parseMassText, parseMoneyText } from '@alutrace/shared';

function bare(text: string, decimals: number): string | null {
  const t = text.trim().replace(/,/g, '');
  return new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`).test(t) ? t : null;
}

/** "80.5" (yuan) → 8050 fen; null when it is not an amount to the fen. */
export function fenOfYuan(text: string): number | null {
  const t = bare(text, 2);
  if (t === null) return null;
  const parsed = parseMoneyText(`${t}yuan`);
  return parsed.ok ? parsed.value : null;
}

/** "120000" (t) → 120,000,000,000 g; null when it is not a mass to the gram. */
export function gramsOfTonnes(text: string): number | null {
  const t = bare(text, 6);
  if (t === null) return null;
  const parsed = parseMassText(`${t}t`);
  return parsed.ok ? parsed.value : null;
}

/** "90" or "92.5" (%) → 900000 or 925000 ppm; at most 100 % and four decimals. */
export function ppmOfPercent(text: string): number | null {
  const t = bare(text, 4);
  if (t === null) return null;
  const [whole = '0', fraction = ''] = t.split('.');
  const ppm = Number(whole) * 10_000 + Number(fraction.padEnd(4, '0'));
  return ppm <= 1_000_000 ? ppm : null;
}
