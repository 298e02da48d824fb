// Values typed on the command line that the CLI itself reads before sending:
// masses and prices with their units (exactly, see @alutrace/shared units),
// lot ids, and the `LOT=MASS` / `FORM:CODE=MASS` pairs of the lifecycle
// commands. Every complaint names the option and is given in both languages.
import { type AmountResult, LOT_ID_PATTERN, parseMassText, parseMoneyText } from '@alutrace/shared';
import { type ParsedArgs, str, UsageError } from '../cli-kit';

/** A usage error in both languages. */
export function usage(en: string, zh: string): UsageError {
  return new UsageError(`${en}\n  ${zh}`);
}

function amount(option: string, text: string, result: AmountResult): number {
  if (result.ok) return result.value;
  throw new UsageError(`${option} ${text}: ${result.problem.en}\n  ${option} ${text}：${result.problem.zh}`);
}

/** Grams from a typed mass ("1523kg", "1.5t", "800g"); a bare number is refused. */
export function massOf(option: string, text: string): number {
  return amount(option, text, parseMassText(text));
}

export function massOption(args: ParsedArgs, name: string): number | undefined {
  const text = str(args, name);
  return text === undefined ? undefined : massOf(`--${name}`, text);
}

export function requiredMass(args: ParsedArgs, name: string): number {
  const g = massOption(args, name);
  if (g === undefined) {
    throw new UsageError(`--${name} MASS is required (e.g. --${name} 1523kg)\n  缺少 --${name}（如 --${name} 1523kg）`);
  }
  return g;
}

/** Fen from a typed price ("12345.00yuan", "1234500fen"). */
export function priceOption(args: ParsedArgs, name: string): number | undefined {
  const text = str(args, name);
  return text === undefined ? undefined : amount(`--${name}`, text, parseMoneyText(text));
}

/** A lot id as people type it from a label: spaces dropped, upper-cased. */
export function lotIdOf(where: string, text: string): string {
  const id = text.replace(/\s+/g, '').toUpperCase();
  if (!LOT_ID_PATTERN.test(id)) {
    throw new UsageError(
      `${where} ${text} is not a lot id like PG01-261128-0007\n  ${where} ${text} 不是有效的批次号（如 PG01-261128-0007）`,
    );
  }
  return id;
}

export function required(args: ParsedArgs, name: string, example: string): string {
  const v = str(args, name);
  if (v === undefined || v.trim() === '') {
    throw new UsageError(
      `--${name} is required (e.g. --${name} ${example})\n  缺少 --${name}（如 --${name} ${example}）`,
    );
  }
  return v;
}

/** Every value of a repeatable option (`--input A=1kg --input B=2kg`). */
export function many(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** `NAME=MASS` (a lot, an addition kind, a by-product kind…): the name and the grams. */
export function pairOf(where: string, text: string, what: string): { name: string; massG: number } {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1) {
    throw new UsageError(
      `${where} ${text}: write ${what}=MASS, e.g. ${what}=980kg\n  ${where} ${text}：应写成 ${what}=质量，如 ${what}=980kg`,
    );
  }
  return { name: text.slice(0, at), massG: massOf(where, text.slice(at + 1)) };
}

/** `LOT=MASS`, with the lot id checked. */
export function lotMassOf(where: string, text: string): { lotId: string; massG: number } {
  const { name, massG } = pairOf(where, text, 'LOT');
  return { lotId: lotIdOf(where, name), massG };
}

/** Upper-cases a code the user typed (site, grade, alloy), which the catalogue writes in capitals. */
export function codeOf(text: string): string {
  return text.trim().toUpperCase();
}
