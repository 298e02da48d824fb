// The sample draw (shared/src/audit/sample.ts) pinned by known answers.
import { createHash } from 'node:crypto';
import { drawSample, type LotKind, lotIdSiteDay, type SampleCandidate, sampleParamsSchema } from '@alutrace/shared';
import { describe, expect, it } from 'vitest';

// Known answers computed outside this code (Python's hashlib, and node:crypto below) from the
// algorithm as the README writes it down.
const checkpoint = { origin: 'alutrace.local/ledger', treeSize: 42, rootHash: 'ab'.repeat(32) };

const LOTS: [string, LotKind][] = [
  ['PG01-261028-0001', 'scrap'],
  ['PG01-261101-0001', 'scrap'],
  ['PG01-261101-0002', 'scrap'],
  ['PG01-261115-0003', 'scrap'],
  ['PG01-261130-0001', 'scrap'],
  ['PG02-261102-0001', 'scrap'],
  ['PG02-261102-0002', 'scrap'],
  ['PG02-261201-0001', 'scrap'],
  ['RC01-261110-0001', 'product'],
  ['RC01-261110-0002', 'byproduct'],
  ['PG02-261031-0009', 'scrap'],
];
const population: SampleCandidate[] = LOTS.map(([lotId, kind], i) => {
  const { site, day } = lotIdSiteDay(lotId) as { site: string; day: string };
  return { lotId, kind, site, day, createdSeq: 10 + i, labelDigest: 'aaaaaaaaaa' };
});

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();

describe('the sample draw (hash ranking seeded by a signed checkpoint)', () => {
  const params = sampleParamsSchema.parse({
    sites: ['PG02', 'PG01', 'PG01'],
    from: '2026-11-01',
    count: 2,
    strata: 'site',
  });

  it('hashes the canonical JSON of the checkpoint and the normalised parameters into the seed', () => {
    const draw = drawSample(population, checkpoint, params);
    const expectedInput = `{"checkpoint":{"origin":"alutrace.local/ledger","rootHash":"${'ab'.repeat(32)}","treeSize":42},"params":{"count":2,"from":"2026-11-01","kinds":[],"sites":["PG01","PG02"],"strata":"site","to":null},"v":1}`;
    expect(draw.seedInput).toBe(expectedInput);
    expect(draw.seed).toBe('548b7de5996c52c59d43c760e8808b925f931dbc739b212610c10937653a00d5');
    expect(draw.seed).toBe(sha256(expectedInput).toString('hex'));
  });

  it('takes the lowest ranks per site, from the lots in scope only (known answer)', () => {
    const draw = drawSample(population, checkpoint, params);
    expect(draw.eligible).toBe(7);
    expect(draw.strata.map((s) => [s.key, s.eligible, s.lots.map((l) => l.lotId)])).toEqual([
      ['PG01', 4, ['PG01-261101-0001', 'PG01-261101-0002']],
      ['PG02', 3, ['PG02-261102-0002', 'PG02-261102-0001']],
    ]);
    expect(draw.strata[0]?.lots[0]?.rank).toBe('0307048d3b3f63139b148322a0c09e44e22b3ee80eb0b07a219db8cd4bcbbc0f');
    expect(draw.strata[1]?.lots[1]?.rank).toBe('74646f4c938e9006f3f70cead47b757e7ef70482026453f4d1a623c22d4fefe4');
  });

  it('agrees with an independent implementation over node:crypto, unstratified', () => {
    const p = sampleParamsSchema.parse({ count: 3 });
    const draw = drawSample(population, checkpoint, p);
    const input = `{"checkpoint":{"origin":"alutrace.local/ledger","rootHash":"${'ab'.repeat(32)}","treeSize":42},"params":{"count":3,"from":null,"kinds":[],"sites":[],"strata":"none","to":null},"v":1}`;
    const seed = sha256(input);
    expect(draw.seed).toBe('5d387a0c4448cc14a3d89ef3865e773dbbf07aa8b8ce477482c198416b91944d');
    const ranked = LOTS.map(([id]) => ({ id, rank: sha256(Buffer.concat([seed, Buffer.from(id)])).toString('hex') }))
      .sort((a, b) => (a.rank < b.rank ? -1 : 1))
      .slice(0, 3)
      .map((r) => r.id);
    expect(ranked).toEqual(['PG02-261102-0002', 'PG01-261028-0001', 'RC01-261110-0001']);
    expect(draw.strata).toHaveLength(1);
    expect(draw.strata[0]?.key).toBe('all');
    expect(draw.strata[0]?.lots.map((l) => l.lotId)).toEqual(ranked);
  });

  it('does not depend on the order of the population', () => {
    const a = drawSample(population, checkpoint, params);
    const b = drawSample([...population].reverse(), checkpoint, params);
    expect(b).toEqual(a);
  });

  it('gives another sample for another checkpoint root, another tree size or other parameters', () => {
    const base = drawSample(population, checkpoint, params).seed;
    expect(drawSample(population, { ...checkpoint, rootHash: 'ac'.repeat(32) }, params).seed).not.toBe(base);
    expect(drawSample(population, { ...checkpoint, treeSize: 43 }, params).seed).not.toBe(base);
    expect(drawSample(population, checkpoint, { ...params, count: 3 }).seed).not.toBe(base);
  });

  it('filters by kind and stratifies by kind', () => {
    const draw = drawSample(population, checkpoint, sampleParamsSchema.parse({ count: 5, strata: 'kind' }));
    expect(draw.strata.map((s) => [s.key, s.eligible])).toEqual([
      ['byproduct', 1],
      ['product', 1],
      ['scrap', 9],
    ]);
    const only = drawSample(population, checkpoint, sampleParamsSchema.parse({ count: 5, kinds: ['product'] }));
    expect(only.strata[0]?.lots.map((l) => l.lotId)).toEqual(['RC01-261110-0001']);
  });

  it('refuses parameters that make no sense', () => {
    expect(sampleParamsSchema.safeParse({ count: 0 }).success).toBe(false);
    expect(sampleParamsSchema.safeParse({ count: 1, from: '2026-02-30' }).success).toBe(false);
    expect(sampleParamsSchema.safeParse({ count: 1, from: '2026-12-01', to: '2026-11-01' }).success).toBe(false);
    expect(sampleParamsSchema.safeParse({ count: 1, sites: ['pg01'] }).success).toBe(false);
  });
});
