// The 18-character unified social credit code of an organisation (统一社会信用代码,
// GB 32100-2015): registration authority, organisation kind, 6-digit
// administrative division, 9-character organisation code, and a check
// character, over an alphabet of 31 characters (no I, O, Z, S, V).

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem = 'length' | 'characters' | 'check_character';

/** The check character the first 17 characters call for (GB 32100-2015 §5). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i] as string) * (WEIGHTS[i] as number);
  return ALPHABET[(31 - (sum % 31)) % 31] as string;
}

export function normaliseCreditCode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** What is wrong with a unified social credit code, or null when it is valid. */
export function creditCodeProblem(text: string): CreditCodeProblem | null {
  const code = normaliseCreditCode(text);
  if (code.length !== 18) return 'length';
  if (![...code].every((c) => ALPHABET.includes(c))) return 'characters';
  return creditCodeCheckCharacter(code) === code[17] ? null : 'check_character';
}
