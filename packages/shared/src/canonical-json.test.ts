import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import vectors from '../test-data/jcs-rfc8785.json';
import { CanonicalJsonError, canonicalBytes, canonicalize } from './canonical-json';

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

  it('does not depend on the order in which keys were inserted', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalize(reversed)).toBe(canonicalize(record));
      }),
    );
  });
});
