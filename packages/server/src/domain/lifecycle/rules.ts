// DOMAIN.md rules 1 and 3 as pure functions: each refusal has its own code
// and names the field, so that the person at the scale knows what to fix.
import { MAX_LOT_MASS_G } from '@alutrace/shared';
import { AppError } from '../../errors';

/** Rule 1: a mass is a positive whole number of grams, at most 100 t. */
export function checkMass(field: string, value: number): void {
  if (value <= 0) throw new AppError('MASS_NOT_POSITIVE', { field, value });
  if (value > MAX_LOT_MASS_G) throw new AppError('LOT_TOO_HEAVY', { field, value });
}

/** A mass that may be zero (tare, deduction). */
export function checkMassOrZero(field: string, value: number): void {
  if (value < 0) throw new AppError('MASS_NEGATIVE', { field, value });
  if (value > MAX_LOT_MASS_G) throw new AppError('LOT_TOO_HEAVY', { field, value });
}

/** Rule 1: net = gross − tare − deduction, every mass in range. */
export function checkWeighing(w: { grossG: number; tareG: number; deductionG: number; netG: number }): void {
  checkMass('grossG', w.grossG);
  checkMassOrZero('tareG', w.tareG);
  checkMassOrZero('deductionG', w.deductionG);
  const expected = w.grossG - w.tareG - w.deductionG;
  if (expected <= 0) throw new AppError('MASS_NOT_POSITIVE', { field: 'gross − tare − deduction', value: expected });
  if (w.netG !== expected) throw new AppError('NET_MASS_MISMATCH', { net: w.netG, expected });
  checkMass('netG', w.netG);
}

export interface RunMasses {
  consumedG: number;
  additionsG: number;
  outputG: number;
  byproductG: number;
}

/** Rule 3: outputs + by-products ≤ inputs consumed + additions; the rest is the melt loss. */
export function checkRunBalance(m: RunMasses): { lossG: number } {
  const out = m.outputG + m.byproductG;
  const into = m.consumedG + m.additionsG;
  if (out > into) throw new AppError('RUN_MASS_EXCEEDED', { out, in: into });
  return { lossG: into - out };
}

/** Rule 5's flag: a receipt that differs from its dispatch by more than `pct`. */
export function outsideTolerance(dispatchedG: number, receivedG: number, pct: number): boolean {
  return Math.abs(dispatchedG - receivedG) * 100 > dispatchedG * pct;
}

/** Refuses the same lot listed twice in one event. */
export function checkDistinct(lotIds: readonly string[]): void {
  const seen = new Set<string>();
  for (const lot of lotIds) {
    if (seen.has(lot)) throw new AppError('LOT_LISTED_TWICE', { lot });
    seen.add(lot);
  }
}
