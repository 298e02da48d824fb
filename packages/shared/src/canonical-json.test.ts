import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import vectors from '../test-data/jcs-rfc8785.json';
import { CanonicalJsonError, canonicalBytes, canonicalize, canonicalizeByWalk } from './canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  for (const c of vectors.cases) {
    it(`matches the known answer "${c.name}"`, () => {
      expect(canonicalize(JSON.parse(c.input))).toBe(c.canonical);
    });
  }

  it('encodes the canonical text as UTF-8', () => {
    expect(Array.from(canonicalBytes({ a: '铝' }))).toEqual([...new TextEncoder().encode('{"a":"铝"}')]);
  });

  it.each([
    ['NaN', { m: Number.NaN }, '$.m'],
    ['Infinity', [1, Number.POSITIVE_INFINITY], '$[1]'],
    ['-Infinity', Number.NEGATIVE_INFINITY, '$'],
    ['a BigInt', { g: 10n }, '$.g'],
    ['an undefined value', { a: undefined }, '$.a'],
    ['an undefined array item', [undefined], '$[0]'],
    ['a lone high surrogate', { s: 'a\uD800' }, '$.s'],
    ['a lone low surrogate in a key', { '\uDC00': 1 }, '$.\uDC00'],
    ['a Date', { at: new Date(0) }, '$.at'],
    ['a Map', new Map(), '$'],
    ['a function', { f: () => 1 }, '$.f'],
  ])('refuses %s and names where it is', (_name, value, path) => {
    expect(() => canonicalize(value)).toThrow(CanonicalJsonError);
    try {
      canonicalize(value);
    } catch (e) {
      expect((e as CanonicalJsonError).path).toBe(path);
    }
  });

  it('orders integer-like keys as strings, as RFC 8785 requires', () => {
    expect(canonicalize({ '10': 'a', '9': 'b', '1': 'c', x: { '2': 0, '11': 1 } })).toBe(
      '{"1":"c","10":"a","9":"b","x":{"11":1,"2":0}}',
    );
  });

  it('keeps a "__proto__" key that came from JSON', () => {
    const parsed = JSON.parse('{"b":1,"__proto__":{"x":2}}') as unknown;
    expect(canonicalize(parsed)).toBe('{"__proto__":{"x":2},"b":1}');
  });

  it('refuses values nested deeper than 256 levels', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 300; i++) deep = [deep];
    expect(() => canonicalize(deep)).toThrow(/nested deeper/);
  });

  it('refuses a circular structure instead of looping', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalize(a)).toThrow(/circular/);
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalize({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('is a fixed point: canonical text parses back to the same canonical text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalize(value);
        expect(canonicalize(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('the fast path writes exactly what the reference walk writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalize(value)).toBe(canonicalizeByWalk(value));
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order in which keys were inserted', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalize(reversed)).toBe(canonicalize(record));
      }),
    );
  });
});
