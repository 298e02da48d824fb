import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScaled } from './decimal-amount';
import { formatMassKg, parseMassText } from './mass-text';
import { formatFenYuan, parseMoneyText } from './money-text';

function grams(text: string): number {
  const r = parseMassText(text);
  if (!r.ok) throw new Error(`${text}: ${r.problem.en}`);
  return r.value;
}

function problem(text: string): { en: string; zh: string } {
  const r = parseMassText(text);
  if (r.ok) throw new Error(`${text} was read as ${r.value} g`);
  return r.problem;
}

describe('typed masses', () => {
  it.each([
    ['1523kg', 1_523_000],
    ['1523.0kg', 1_523_000],
    ['1.5t', 1_500_000],
    ['0.001t', 1_000],
    ['0.012kg', 12],
    ['12g', 12],
    ['1523 kg', 1_523_000],
    ['1523KG', 1_523_000],
    ['2T', 2_000_000],
    ['1.50000t', 1_500_000],
    ['0kg', 0],
    ['１５２３．５ｋｇ', 1_523_500],
    ['1523.5公斤', 1_523_500],
    ['3吨', 3_000_000],
    ['500克', 500],
    ['99999999.999kg', 99_999_999_999],
  ])('reads %s as %i g', (text, expected) => {
    expect(grams(text)).toBe(expected);
  });

  it('refuses a bare number rather than guessing its unit', () => {
    const p = problem('1523');
    expect(p.en).toContain('has no unit');
    expect(p.en).toContain('1523kg');
    expect(p.zh).toContain('缺少单位');
  });

  it('refuses what is not a whole gram', () => {
    expect(problem('0.0005kg').en).toBe('0.0005kg is not a whole number of grams');
    expect(problem('1.0000001t').zh).toContain('不是整数克');
    expect(problem('0.5g').en).toContain('not a whole number of grams');
  });

  it.each([
    ['1,523kg', 'without separators'],
    ['1523,5kg', 'without separators'],
    ['1_523kg', 'without separators'],
    ['1 523kg', 'without separators'],
    ['-5kg', 'negative'],
    ['1e3kg', 'not an amount'],
    ['.5kg', 'not an amount'],
    ['1.kg', 'not an amount'],
    ['kg', 'not an amount'],
    ['', 'empty'],
    ['2ton', 'ambiguous'],
    ['2 tons', 'ambiguous'],
    ['2mt', 'ambiguous'],
    ['3斤', '0.5 kg'],
    ['5lb', 'pounds'],
    ['500mg', 'whole grams'],
    ['5kgs', 'not a unit'],
    ['9007199254740993g', 'too large'],
  ])('refuses %j (%s)', (text, reason) => {
    const p = problem(text);
    expect(p.en).toContain(reason);
    expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reads back what it writes, for every mass', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (g) => {
        expect(grams(formatMassKg(g).replace(' ', ''))).toBe(g);
        expect(grams(`${formatScaled(g, 6)}t`)).toBe(g);
      }),
    );
  });

  it('shows grams as kilograms, exactly', () => {
    expect(formatMassKg(1_311_500)).toBe('1311.5 kg');
    expect(formatMassKg(1_311_000)).toBe('1311 kg');
    expect(formatMassKg(12)).toBe('0.012 kg');
    expect(formatMassKg(0)).toBe('0 kg');
    expect(formatMassKg(-80_000)).toBe('-80 kg');
  });
});

describe('typed prices', () => {
  it('reads yuan and fen exactly', () => {
    expect(parseMoneyText('12345.00yuan')).toEqual({ ok: true, value: 1_234_500 });
    expect(parseMoneyText('12345.5元')).toEqual({ ok: true, value: 1_234_550 });
    expect(parseMoneyText('1234500fen')).toEqual({ ok: true, value: 1_234_500 });
    expect(parseMoneyText('0.01CNY')).toEqual({ ok: true, value: 1 });
  });

  it('refuses a bare number, a fraction of a fen and the yen sign', () => {
    expect(parseMoneyText('12345')).toMatchObject({ ok: false, problem: { en: expect.stringContaining('no unit') } });
    expect(parseMoneyText('0.001yuan')).toMatchObject({
      ok: false,
      problem: { en: '0.001yuan is not a whole number of fen' },
    });
    expect(parseMoneyText('100¥')).toMatchObject({ ok: false, problem: { en: expect.stringContaining('yen') } });
  });

  it('shows fen as yuan with two decimals', () => {
    expect(formatFenYuan(1_234_500)).toBe('12345.00 yuan');
    expect(formatFenYuan(5)).toBe('0.05 yuan');
  });
});
