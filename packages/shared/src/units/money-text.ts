// Prices as people type them: yuan or fen in, integer fen (分) inside.
import { type AmountResult, type AmountUnits, formatScaled, parseDecimalAmount } from './decimal-amount';

const MONEY_UNITS: AmountUnits = {
  units: { fen: 0, 分: 0, yuan: 2, 元: 2, cny: 2, rmb: 2 },
  refused: {
    '¥': { en: '¥ is also the yen sign: write yuan or 元', zh: '¥ 也是日元符号：请写 yuan 或 元' },
    角: { en: 'write yuan or fen (1 角 = 10 fen)', zh: '请写元或分（1 角 = 10 分）' },
  },
  smallest: { en: 'fen', zh: '分' },
  hint: { en: 'yuan or fen', zh: 'yuan（元）或 fen（分）' },
  example: (digits) => `${digits}yuan`,
};

/** Fen (分) from a typed price: "12345.00yuan" → 1234500, "12345fen" → 12345; a bare number is refused. */
export function parseMoneyText(text: string): AmountResult {
  return parseDecimalAmount(text, MONEY_UNITS);
}

/** Fen as yuan with two decimals: 1234500 → "12345.00 yuan". */
export function formatFenYuan(fen: number): string {
  return `${formatScaled(fen, 2, 2)} yuan`;
}
