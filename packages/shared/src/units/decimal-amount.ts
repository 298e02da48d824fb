// Amounts typed by people ("1523.5kg", "1.5t", "12345.00元") read exactly
// into integers of the smallest unit (grams, fen), never through a float: the
// digits are scaled as text, and anything that would need rounding is refused.

/** What is wrong with a typed amount, in both languages. */
export interface AmountProblem {
  en: string;
  zh: string;
}

export type AmountResult = { ok: true; value: number } | { ok: false; problem: AmountProblem };

export interface AmountUnits {
  /** Accepted unit names (matched case-insensitively) → powers of ten of the smallest unit. */
  units: Record<string, number>;
  /** Names that look like units but are refused, with the reason. */
  refused: Record<string, AmountProblem>;
  /** The smallest unit, plural, as named in messages ("grams" / "克"). */
  smallest: AmountProblem;
  /** The units people should use, for messages: "g, kg or t" / "g、kg 或 t". */
  hint: AmountProblem;
  /** A number written in the usual unit, for messages: "1523.5" → "1523.5kg". */
  example: (digits: string) => string;
}

const SHAPE = /^(\d+)(?:\.(\d+))?\s*([^\d\s.]*)$/;

function fail(en: string, zh: string): AmountResult {
  return { ok: false, problem: { en, zh } };
}

/**
 * Reads `text` as a non-negative decimal number and a unit of `spec`. A bare
 * number is refused rather than given a default unit: a weight read off the
 * scale in kg and typed as grams (or the reverse) is out by a factor of 1000.
 */
export function parseDecimalAmount(text: string, spec: AmountUnits): AmountResult {
  // NFKC turns full-width digits, letters and the full-width point of a Chinese IME into ASCII.
  const typed = text.normalize('NFKC').trim();
  if (typed === '') return fail('it is empty', '不能为空');
  if (/^[-−]/.test(typed)) return fail(`${typed} is negative`, `${typed} 为负数`);
  // A comma is a decimal mark in much of the world and a thousands separator in the rest: refused either way.
  if (/[,_']|\d\s+\d/.test(typed)) {
    return fail(
      `${typed}: write the number without separators, with a point for decimals (e.g. ${spec.example('1523.5')})`,
      `${typed}：数字中不要使用分隔符，小数用小数点（如 ${spec.example('1523.5')}）`,
    );
  }
  const m = SHAPE.exec(typed);
  if (!m) {
    return fail(
      `${typed} is not an amount like ${spec.example('1523.5')} (a number and ${spec.hint.en})`,
      `${typed} 不是有效的数量，应写成如 ${spec.example('1523.5')}（数字加 ${spec.hint.zh}）`,
    );
  }
  const [, whole = '', fraction = '', rawUnit = ''] = m;
  if (rawUnit === '') {
    return fail(
      `${typed} has no unit: write ${spec.hint.en}, e.g. ${spec.example(typed)} (a bare number is refused, never guessed)`,
      `${typed} 缺少单位：请加上 ${spec.hint.zh}，如 ${spec.example(typed)}（不带单位的数字不予猜测）`,
    );
  }
  const unit = rawUnit.toLowerCase();
  const refused = spec.refused[unit];
  if (refused) return { ok: false, problem: refused };
  const exponent = spec.units[unit];
  if (exponent === undefined) {
    return fail(
      `${rawUnit} is not a unit here: use ${spec.hint.en}`,
      `${rawUnit} 不是可用的单位：请使用 ${spec.hint.zh}`,
    );
  }
  const kept = fraction.slice(0, exponent);
  if (/[1-9]/.test(fraction.slice(exponent))) {
    return fail(`${typed} is not a whole number of ${spec.smallest.en}`, `${typed} 不是整数${spec.smallest.zh}`);
  }
  const value = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(kept.padEnd(exponent, '0') || '0');
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return fail(`${typed} is far too large`, `${typed} 数值过大`);
  return { ok: true, value: Number(value) };
}

/** An integer amount of the smallest unit written in a larger one, exactly, without trailing zeros: 1311500 g → "1311.5". */
export function formatScaled(amount: number, exponent: number, keepDecimals = 0): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole amount: ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  let fraction = digits.slice(digits.length - exponent).replace(/0+$/, '');
  fraction = fraction.padEnd(Math.min(keepDecimals, exponent), '0');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
