import { describe, expect, it } from 'vitest';
import { gramsOf, kgText, readMass } from './mass-text';

describe('a mass typed on a lifecycle screen', () => {
  it('is kilograms when bare, exact to the gram', () => {
    expect(gramsOf('985')).toBe(985_000);
    expect(gramsOf('985.5')).toBe(985_500);
    expect(gramsOf('９８５．５')).toBe(985_500);
    expect(gramsOf('1.2t')).toBe(1_200_000);
    expect(gramsOf('250 g')).toBe(250);
  });

  it('refuses half a gram and ambiguous units with the reason, and waits while empty', () => {
    expect(readMass('0.0005').kind).toBe('bad');
    expect(readMass('3 斤')).toMatchObject({ kind: 'bad', problem: { en: expect.stringContaining('jin') } });
    expect(readMass('  ')).toEqual({ kind: 'empty' });
    // 985.5 or 9855? Not guessed.
    expect(readMass('985,5')).toMatchObject({ kind: 'bad', problem: { en: expect.stringContaining('separators') } });
  });

  it('gives back a whole balance as the kg figure an input starts with', () => {
    expect(kgText(1_311_500)).toBe('1311.5');
    expect(gramsOf(kgText(1_311_517))).toBe(1_311_517);
  });
});
