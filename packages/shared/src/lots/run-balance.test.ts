import { describe, expect, it } from 'vitest';
import { runBalance, runContent } from './run-balance';

const ubc = { kind: 'scrap' as const, grade: 'UBC', recycledPpm: 1_000_000, postConsumerPpm: 1_000_000 };
const bands = new Map([['UBC', { yieldMinPct: 80, yieldMaxPct: 92 }]]);

describe('the live balance of a run', () => {
  it('gives the loss, its share and the yield of the scrap against the grade band', () => {
    const b = runBalance({
      inputs: [{ ...ubc, consumedG: 1_000_000 }],
      additions: [{ kind: 'flux', massG: 10_000 }],
      outputs: [{ metal: true, massG: 850_000 }],
      byproductG: 100_000,
      lossFlagPct: 20,
      bands,
    });
    expect(b).toMatchObject({ inG: 1_010_000, outG: 950_000, lossG: 60_000, lossFlagged: false, exceeded: false });
    expect(b.yieldPpm).toBe(850_000);
    expect(b.band).toEqual({ minPpm: 800_000, maxPpm: 920_000 });
    expect(b.yieldOutOfBand).toBe(false);
  });

  it('flags a loss over 20 % and a yield below the band, and sees output beyond input', () => {
    const b = runBalance({
      inputs: [{ ...ubc, consumedG: 1_000_000 }],
      additions: [],
      outputs: [{ metal: true, massG: 700_000 }],
      byproductG: 50_000,
      lossFlagPct: 20,
      bands,
    });
    expect(b.lossFlagged).toBe(true);
    expect(b.yieldOutOfBand).toBe(true);
    const over = runBalance({
      ...{ inputs: [{ ...ubc, consumedG: 1000 }] },
      additions: [],
      outputs: [{ metal: true, massG: 1001 }],
      byproductG: 0,
      lossFlagPct: 20,
      bands,
    });
    expect(over.exceeded).toBe(true);
  });

  it('counts primary aluminium against recycled content and as metal in, as the server does', () => {
    expect(runContent([{ consumedG: 900_000, recycledPpm: 1_000_000, postConsumerPpm: 500_000 }], 100_000)).toEqual({
      recycledPpm: 900_000,
      postConsumerPpm: 450_000,
    });
    const b = runBalance({
      inputs: [{ ...ubc, consumedG: 900_000 }],
      additions: [{ kind: 'primary_aluminium', massG: 100_000 }],
      outputs: [{ metal: true, massG: 880_000 }],
      byproductG: 0,
      lossFlagPct: 20,
      bands,
    });
    expect(b.yieldPpm).toBe(866_667);
  });
});
