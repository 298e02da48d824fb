// A mass as typed on any screen (the collection form, the lifecycle screens):
// kilograms by default (a bare number is kg, the unit every scale here
// shows), or with g, kg or t; integer grams inside, through the shared parser
// (no floating-point mass). Full-width digits from a Chinese keyboard are
// read as digits; a comma is not taken for a decimal point ("1,5" could be
// 1.5 or 15): the parser refuses it with the reason.
import { formatMassKg, parseMassText } from '@alutrace/shared';

export type MassReading =
  | { kind: 'empty' }
  | { kind: 'ok'; grams: number }
  | { kind: 'bad'; problem: { en: string; zh: string } };

export function readMass(text: string): MassReading {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '') return { kind: 'empty' };
  const withUnit = /^[\d.]+$/.test(trimmed) ? `${trimmed}kg` : trimmed;
  const parsed = parseMassText(withUnit);
  return parsed.ok ? { kind: 'ok', grams: parsed.value } : { kind: 'bad', problem: parsed.problem };
}

/** Grams of a reading, or null when there is none yet (or it is wrong). */
export function gramsOf(text: string): number | null {
  const r = readMass(text);
  return r.kind === 'ok' ? r.grams : null;
}

/** Grams as a kg figure for an input's initial value: 1311500 → "1311.5". */
export function kgText(grams: number): string {
  return formatMassKg(grams).replace(/ kg$/, '');
}

/** 1311500 → "1,311,500": grams as people check them under the kg figure. */
export function groupedGrams(grams: number): string {
  return grams.toLocaleString('en-US');
}
