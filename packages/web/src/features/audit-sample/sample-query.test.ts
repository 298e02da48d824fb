import { describe, expect, it } from 'vitest';
import { readSampleQuery, sampleCommand, sampleSearch } from './sample-query';

describe("the sample's address and command line", () => {
  const q = {
    treeSize: 52,
    count: 2,
    strata: 'site' as const,
    sites: ['PG01', 'PG02'],
    kinds: ['scrap' as const],
    from: '2026-11-01',
    to: null,
  };

  it('round-trips through the address', () => {
    expect(sampleSearch(q).toString()).toBe(
      'size=52&count=2&strata=site&site=PG01&site=PG02&kind=scrap&from=2026-11-01',
    );
    expect(readSampleQuery(sampleSearch(q))).toEqual(q);
  });

  it('is the alutrace sample command with the same parameters', () => {
    expect(sampleCommand(q)).toBe(
      'pnpm alutrace sample --checkpoint 52 --count 2 --site PG01 --site PG02 --kind scrap --from 2026-11-01 --strata site',
    );
    expect(sampleCommand({ ...q, strata: 'none', sites: [], kinds: [], from: null })).toBe(
      'pnpm alutrace sample --checkpoint 52 --count 2',
    );
  });

  it('reads no sample from an address without a tree size and a count, and drops unknown kinds and strata', () => {
    expect(readSampleQuery(new URLSearchParams('count=2'))).toBeNull();
    expect(readSampleQuery(new URLSearchParams('size=5&count=x'))).toBeNull();
    expect(readSampleQuery(new URLSearchParams('size=5&count=1&kind=gold&strata=grade'))).toMatchObject({
      kinds: [],
      strata: 'none',
    });
  });
});
