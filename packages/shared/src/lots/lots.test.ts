import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder } from './allocate';
import { base32, checkLabelDigest, labelDigest, labelUrl, parseLabel } from './label';
import { formatLotId, parseLotId, shanghaiDay } from './lot-id';

describe('lot ids', () => {
  it('take the calendar day in Asia/Shanghai', () => {
    expect(shanghaiDay(new Date('2026-11-27T15:59:59Z'))).toBe('261127');
    expect(shanghaiDay(new Date('2026-11-27T16:00:00Z'))).toBe('261128');
    expect(shanghaiDay(new Date('2026-12-31T16:00:00Z'))).toBe('270101');
  });

  it('are formatted with a 4-digit daily sequence and read back as typed', () => {
    expect(formatLotId('PG01', '261128', 7)).toBe('PG01-261128-0007');
    expect(() => formatLotId('PG01', '261128', 10_000)).toThrow(RangeError);
    expect(parseLotId(' pg01-261128-0007 ')).toEqual({ site: 'PG01', day: '261128', sequence: 7 });
    expect(parseLotId('PG01-261128-0000')).toBeNull();
    expect(parseLotId('PG01-2611-0007')).toBeNull();
  });
});

describe('label digests', () => {
  it('use RFC 4648 base32 (its test vectors, lower case, unpadded)', () => {
    const enc = (s: string) => base32(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual([
      '',
      'my',
      'mzxq',
      'mzxw6',
      'mzxw6yq',
      'mzxw6ytb',
      'mzxw6ytboi',
    ]);
  });

  it('are the first 10 base32 characters of the creating entry leaf hash', () => {
    // Computed with Python's hashlib and base64: sha256(0x00 || '{"hello":"world"}').
    expect(labelDigest('a4dcb0cfe8300410ae94dbbc72795377a44320faef9a414636fdaf33699cbf68')).toBe('utolbt7iga');
  });
});

describe('reading a scanned label', () => {
  const digest = 'utolbt7iga';

  it('reads the label URL from any host', () => {
    const url = labelUrl('https://trace.baise.example/', 'PG01-261128-0007', digest);
    expect(url).toBe('https://trace.baise.example/l/PG01-261128-0007?d=utolbt7iga');
    expect(parseLabel(url)).toEqual({ ok: true, lotId: 'PG01-261128-0007', digest });
    expect(parseLabel('http://10.0.0.5:8080/l/PG01-261128-0007?d=UTOLBT7IGA')).toEqual({
      ok: true,
      lotId: 'PG01-261128-0007',
      digest,
    });
  });

  it('reads a lot id typed alone or with its digest', () => {
    expect(parseLabel('pg01-261128-0007')).toEqual({ ok: true, lotId: 'PG01-261128-0007', digest: null });
    expect(parseLabel('PG01-261128-0007 utolbt7iga')).toEqual({ ok: true, lotId: 'PG01-261128-0007', digest });
    expect(parseLabel('PG01-261128-0007?d=utolbt7iga')).toMatchObject({ digest });
  });

  it('refuses what is not a label', () => {
    for (const text of [
      '',
      'hello',
      'https://example.com/',
      'https://x/l/NOTALOT?d=utolbt7iga',
      'PG01-261128-0007 abc',
    ]) {
      expect(parseLabel(text), text).toEqual({ ok: false, reason: 'not_a_label' });
    }
  });

  it('tells a matching digest from a wrong or a missing one', () => {
    expect(checkLabelDigest(digest, digest)).toBe('match');
    expect(checkLabelDigest('aaaaaaaaaa', digest)).toBe('mismatch');
    expect(checkLabelDigest(null, digest)).toBe('absent');
  });
});

describe('largest-remainder allocation', () => {
  it('gives known answers', () => {
    expect(allocateLargestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocateLargestRemainder(100, [50, 30, 20])).toEqual([50, 30, 20]);
    expect(allocateLargestRemainder(7, [0, 5, 0])).toEqual([0, 7, 0]);
    expect(allocateLargestRemainder(2, [1, 2, 3, 4])).toEqual([0, 0, 1, 1]);
    expect(allocateLargestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(() => allocateLargestRemainder(5, [0, 0])).toThrow(RangeError);
  });

  it('is exact at 100 t in grams across many parts', () => {
    const shares = allocateLargestRemainder(
      100_000_000,
      Array.from({ length: 10_000 }, (_, i) => 99_999_999 - i),
    );
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100_000_000);
  });

  it('always adds up, and gives each part the floor or ceiling of its exact quota, the ceilings to the largest remainders', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 100_000_000 }),
        fc.array(fc.nat({ max: 100_000_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const shares = allocateLargestRemainder(total, weights);
          const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
          // Brute force with exact rationals: quota_i = total · w_i / sum.
          const floors = weights.map((w) => (BigInt(total) * BigInt(w)) / sum);
          const rema = weights.map((w) => (BigInt(total) * BigInt(w)) % sum);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((s, i) => {
            const extra = BigInt(s) - (floors[i] as bigint);
            expect(extra === 0n || extra === 1n).toBe(true);
          });
          const raised = shares.map((s, i) => BigInt(s) > (floors[i] as bigint));
          // Every part raised had a remainder at least as large as every part not raised.
          const raisedRema = rema.filter((_, i) => raised[i]);
          const keptRema = rema.filter((_, i) => !raised[i]);
          for (const r of raisedRema) for (const k of keptRema) expect(r >= k).toBe(true);
        },
      ),
    );
  });
});
