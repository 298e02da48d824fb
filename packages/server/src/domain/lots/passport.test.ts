// The passport's bounds and its refusal, in-process: the entries a lot's
// figures rest on are cut by count and by bytes (the creating entry and the
// newest always first), and a wrong digest gets the unknown lot's error.
import { PASSPORT_MAX_ENTRIES, PASSPORT_MAX_ENTRY_BYTES, type RecordedView, verifyPassport } from '@alutrace/shared';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../auth/principal';
import { ledgerEntries } from '../../db/schema';
import { collect, deliver, type LifecycleApp, openLifecycleApp, run } from '../../testing/lifecycle-app';
import { updateSite } from '../sites/update-site';
import { getPassport } from './passport';
import { listEntries } from './passport-entries';

let w: LifecycleApp;
let lot: RecordedView['lots'][number];
let created: RecordedView;
const runs: RecordedView[] = [];

beforeAll(async () => {
  w = await openLifecycleApp();
  created = await collect(w, 'PG01', 1_000_000);
  lot = created.lots[0] as RecordedView['lots'][number];
  await deliver(w, 'PG01', 'RC01', [{ lotId: lot.lotId, massG: lot.massG }]);
  for (let i = 0; i < 8; i++) {
    runs.push(await run(w, 'RC01', { inputs: [{ lotId: lot.lotId, consumedG: 1_000 }], outputs: [{ massG: 900 }] }));
  }
});
afterAll(() => w?.close());

const deps = () => ({
  db: w.app.db,
  ledger: w.app.ledger,
  verifierKey: w.app.verifierKey,
  origin: w.app.config.origin,
});
const sizeOf = (seq: number) =>
  (w.app.db.select({ c: ledgerEntries.canonical }).from(ledgerEntries).where(eq(ledgerEntries.seq, seq)).get()?.c
    .length ?? 0) as number;

describe('the entries a passport lists', () => {
  it('are all of them when they fit: created, sent, received and every run', () => {
    const size = w.app.ledger.head()?.treeSize as number;
    const listed = listEntries(w.app.db, w.app.ledger, size, { lotId: lot.lotId, createdSeq: created.seq }, null);
    expect(listed.entries).toHaveLength(11);
    expect(listed.omitted).toBe(0);
    expect(PASSPORT_MAX_ENTRIES).toBe(50);
    expect(PASSPORT_MAX_ENTRY_BYTES).toBe(1024 * 1024);
  });

  it('stop at the byte budget: the creating entry, then the newest that fit', () => {
    const size = w.app.ledger.head()?.treeSize as number;
    const newest = runs.slice(-3).map((r) => r.seq);
    const budget = sizeOf(created.seq) + newest.reduce((s, q) => s + sizeOf(q), 0);
    const listed = listEntries(w.app.db, w.app.ledger, size, { lotId: lot.lotId, createdSeq: created.seq }, null, {
      entries: 50,
      bytes: budget,
    });
    expect(listed.entries.map((e) => e.seq)).toEqual([created.seq, ...newest]);
    expect(listed.omitted).toBe(11 - 4);
  });

  it('stop at the count: the creating entry and the newest four of five', () => {
    const size = w.app.ledger.head()?.treeSize as number;
    const listed = listEntries(w.app.db, w.app.ledger, size, { lotId: lot.lotId, createdSeq: created.seq }, null, {
      entries: 5,
      bytes: PASSPORT_MAX_ENTRY_BYTES,
    });
    expect(listed.entries.map((e) => e.seq)).toEqual([created.seq, ...runs.slice(-4).map((r) => r.seq)]);
    expect(listed.omitted).toBe(6);
    // Each comes with its proof to the checkpoint, and the bytes it was hashed from.
    const rows = w.app.db
      .select({ seq: ledgerEntries.seq, canonical: ledgerEntries.canonical })
      .from(ledgerEntries)
      .where(
        inArray(
          ledgerEntries.seq,
          listed.entries.map((e) => e.seq),
        ),
      )
      .all();
    for (const e of listed.entries) {
      expect(Buffer.from(e.canonicalBase64, 'base64')).toEqual(rows.find((r) => r.seq === e.seq)?.canonical);
      expect(e.proof?.length).toBeGreaterThan(0);
    }
  });

  it('have no proof when newer than the newest checkpoint', () => {
    const listed = listEntries(
      w.app.db,
      w.app.ledger,
      created.seq + 1,
      { lotId: lot.lotId, createdSeq: created.seq },
      null,
    );
    expect(listed.entries.filter((e) => e.proof !== null).map((e) => e.seq)).toEqual([created.seq]);
  });
});

describe('getPassport', () => {
  it('verifies, and refuses a wrong digest as it refuses an unknown lot', () => {
    const p = getPassport(deps(), { lotId: lot.lotId, digest: lot.labelDigest });
    expect(verifyPassport(p, w.app.verifierKey, { digest: lot.labelDigest }).valid).toBe(true);
    const refusal = (lotId: string, digest: string) => {
      try {
        getPassport(deps(), { lotId, digest });
      } catch (e) {
        return e as { code: string; params: unknown; message: string };
      }
      throw new Error('answered');
    };
    const wrong = refusal(lot.lotId, 'aaaaaaaaaa');
    const unknown = refusal('PG01-200101-0001', lot.labelDigest);
    expect(wrong).toMatchObject({ code: 'LOT_UNKNOWN', params: { lot: lot.lotId } });
    expect(unknown).toMatchObject({ code: 'LOT_UNKNOWN', params: { lot: 'PG01-200101-0001' } });
    expect(wrong.message.replace(lot.lotId, '<lot>')).toBe(unknown.message.replace('PG01-200101-0001', '<lot>'));
  });
});

describe('the upstream summary', () => {
  it('is traced once per lot, and the sites in it are named as they are now', async () => {
    const melt = await run(w, 'RC01', {
      inputs: [{ lotId: lot.lotId, consumedG: 50_000 }],
      outputs: [{ massG: 45_000 }],
    });
    const ingot = melt.lots[0] as RecordedView['lots'][number];
    const first = getPassport(deps(), { lotId: ingot.lotId, digest: ingot.labelDigest });
    expect(first.upstream).toMatchObject({
      collectionLots: 1,
      totalG: 50_000,
      collectionPoints: [{ site: { code: 'PG01', nameEn: 'Pingguo collection point' }, lots: 1, grams: 50_000 }],
    });
    await updateSite(w.app, systemActor('cli'), { code: 'PG01', nameEn: 'Pingguo town collection point' });
    const again = getPassport(deps(), { lotId: ingot.lotId, digest: ingot.labelDigest });
    expect(again.upstream).toEqual({
      ...first.upstream,
      collectionPoints: [
        {
          ...first.upstream.collectionPoints[0],
          site: expect.objectContaining({ nameEn: 'Pingguo town collection point' }),
        },
      ],
    });
  });
});
