import { describe, expect, it } from 'vitest';
import { creditCodeProblem } from './credit-code';
import { residentIdProblem } from './resident-id';

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts numbers whose check character is right, with a lower-case x and spaces', () => {
    // The worked example of GB 11643-1999, and two more computed by hand.
    expect(residentIdProblem('11010519491231002X')).toBeNull();
    expect(residentIdProblem('11010519491231002x')).toBeNull();
    expect(residentIdProblem('451002 19850615 1230')).toBeNull(); // Youjiang district, Baise
    expect(residentIdProblem('440524188001010014')).toBe('birth_date'); // right check character, born before 1900
    expect(residentIdProblem('110101199003074477')).toBeNull();
  });

  it('says what is wrong', () => {
    expect(residentIdProblem('110105194912310021')).toBe('check_character');
    expect(residentIdProblem('11010519491231002')).toBe('length');
    expect(residentIdProblem('01010519491231002X')).toBe('characters');
    expect(residentIdProblem('1101051949123100X2')).toBe('characters');
    expect(residentIdProblem('110105194902301234')).toBe('birth_date'); // 30 February
    expect(residentIdProblem('110105209901011234', new Date('2026-12-01'))).toBe('birth_date'); // not born yet
  });

  it('catches every single wrong digit of a valid number', () => {
    const valid = '451002198506151230';
    for (let i = 0; i < 17; i++) {
      if (i >= 6 && i < 14) continue; // a changed birth date may still be a date: covered by the check character below
      const d = Number(valid[i]);
      const changed = `${valid.slice(0, i)}${(d + 1) % 10}${valid.slice(i + 1)}`;
      expect(residentIdProblem(changed), changed).not.toBeNull();
    }
  });
});

describe('unified social credit codes (GB 32100-2015)', () => {
  it('accepts codes whose check character is right', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91110000802100433B')).toBeNull();
    expect(creditCodeProblem('9144 0300 1922 0382 16')).toBeNull();
    expect(creditCodeProblem('91110000802100433b')).toBeNull();
  });

  it('says what is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check_character');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100I43')).toBe('characters'); // I is not in the alphabet
  });
});
