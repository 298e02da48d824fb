import { alloyDefinedBody, gradeDefinedBody } from '@alutrace/shared';
import { describe, expect, it } from 'vitest';
import { SEED_ALLOYS, SEED_GRADES } from './seed-catalogue';

describe('the seeded catalogue', () => {
  it('has at least 15 grades covering every GB/T 13586 family, all valid definitions with unique codes', () => {
    expect(SEED_GRADES.length).toBeGreaterThanOrEqual(15);
    for (const g of SEED_GRADES) expect(gradeDefinedBody.safeParse(g).success, g.code).toBe(true);
    expect(new Set(SEED_GRADES.map((g) => g.code)).size).toBe(SEED_GRADES.length);
    const families = new Set(SEED_GRADES.map((g) => g.family));
    for (const f of ['wrought', 'cast', 'turnings', 'fragments', 'ash_dross', 'ubc', 'mixed']) {
      expect(families.has(f as never), f).toBe(true);
    }
  });

  it('names the alloys the plan names, as valid definitions', () => {
    for (const a of SEED_ALLOYS) expect(alloyDefinedBody.safeParse(a).success, a.code).toBe(true);
    expect(SEED_ALLOYS.map((a) => a.code)).toEqual(
      expect.arrayContaining(['ADC12', 'A380', 'ALSI9CU3', '6063', 'A356.2', 'ZL102']),
    );
  });
});
