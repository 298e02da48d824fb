// The 18-character citizen identification number of the PRC (GB 11643-1999):
// 6 digits of address code, 8 of birth date (YYYYMMDD), 3 of sequence, and a
// check character computed by ISO 7064 MOD 11-2 (0–9 or X).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

export type ResidentIdProblem = 'length' | 'characters' | 'birth_date' | 'check_character';

/** The check character the first 17 digits call for (GB 11643-1999 §7). */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARACTERS[sum % 11] as string;
}

/** Upper-cases a trailing x and drops spaces people type in groups. */
export function normaliseResidentId(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** What is wrong with a resident ID number, or null when it is valid. */
export function residentIdProblem(text: string, today = new Date()): ResidentIdProblem | null {
  const id = normaliseResidentId(text);
  if (id.length !== 18) return 'length';
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'characters';
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  const real = birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  if (!real || y < 1900 || birth.getTime() > today.getTime()) return 'birth_date';
  return residentIdCheckCharacter(id) === id[17] ? null : 'check_character';
}
