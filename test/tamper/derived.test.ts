// Derived tables edited behind the ledger's back: `verify --derived` names
// the first row that differs from a replay of the log, and `rebuild` puts
// back exactly what the appends had built.
import {
  createGrade,
  createSite,
  lifecycleDeps,
  recordCollection,
  startTestServer,
  systemActor,
  type TestServer,
} from '@alutrace/server/testing';
import { recordCollectionInput } from '@alutrace/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
  // Some history beyond the seeded catalogue: a grade created, changed, deactivated.
  const actor = systemActor('cli');
  await createGrade(server.app, actor, {
    code: 'WINDOWS',
    nameZh: '废铝门窗',
    nameEn: 'Old window frames',
    family: 'wrought',
    defaultSourceClass: 'post_consumer',
    yieldMinPct: 88,
    yieldMaxPct: 95,
    isri: 'Tutu',
  });
});
afterEach(async () => {
  await server?.stop();
});

const gradeRows = () => server.app.db.$client.prepare('SELECT * FROM grades ORDER BY code').all();

async function verifyDerived(): Promise<{
  code: number;
  derived: { ok: boolean; difference: { table: string; key: string; stored: unknown; fromLog: unknown } | null };
}> {
  const r = await cli(['verify', '--derived', '--json', '--data-dir', server.dataDir]);
  return { code: r.code, derived: JSON.parse(r.out).derived };
}

describe('derived tables', () => {
  it('verify --derived passes when the tables are what the appends built', async () => {
    const r = await verifyDerived();
    expect(r.code).toBe(0);
    expect(r.derived.ok).toBe(true);
  });

  it('an edited row is named, with what is stored and what the log says', async () => {
    server.app.db.$client.prepare("UPDATE grades SET yield_min_pct = 10 WHERE code = 'UBC'").run();
    const r = await verifyDerived();
    expect(r.code).toBe(1);
    expect(r.derived.difference).toMatchObject({
      table: 'grades',
      key: 'UBC',
      stored: { yieldMinPct: 10 },
      fromLog: { yieldMinPct: 80 },
    });
    const text = await cli(['verify', '--derived', '--data-dir', server.dataDir]);
    expect(text.out).toContain('derived tables: FAILED — grades row UBC differs from the log');
    expect(text.out).toContain('派生数据不一致：grades 表中 UBC 这一行与账本不符');
  });

  it('a deleted row and a row the log never had are both found', async () => {
    server.app.db.$client.prepare("DELETE FROM alloys WHERE code = 'ADC12'").run();
    expect((await verifyDerived()).derived.difference).toMatchObject({ table: 'alloys', key: 'ADC12', stored: null });
    await cli(['rebuild', '--data-dir', server.dataDir]);
    server.app.db.$client
      .prepare(
        "INSERT INTO grades VALUES ('FAKE', '假', 'Fake', 'mixed', 'post_consumer', 0, 100, NULL, 1, 0, '2026-01-01T00:00:00.000Z')",
      )
      .run();
    expect((await verifyDerived()).derived.difference).toMatchObject({ table: 'grades', key: 'FAKE', fromLog: null });
  });

  it('rebuild restores exactly what the appends had built, and leaves the ledger alone', async () => {
    const built = gradeRows();
    const size = server.app.ledger.size;
    const db = server.app.db.$client;
    db.prepare("UPDATE grades SET name_en = 'tampered'").run();
    db.prepare("DELETE FROM grades WHERE code = 'WINDOWS'").run();
    const r = await cli(['rebuild', '--data-dir', server.dataDir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^rebuilt from \d+ entries: grades \d+ rows, alloys \d+ rows/);
    expect(gradeRows()).toEqual(built);
    expect(server.app.ledger.size).toBe(size);
    expect((await verifyDerived()).code).toBe(0);
  });

  it('refuses to rebuild a data directory that holds no ledger', async () => {
    const r = await cli(['rebuild', '--data-dir', `${server.dataDir}/nothing-here`]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('No such ledger database');
  });
});

describe('lot tables', () => {
  it('a lot whose balance was raised behind the ledger is caught, and rebuild puts back what the log says', async () => {
    const actor = systemActor('cli');
    await createSite(server.app, actor, {
      code: 'PG01',
      kind: 'collection_point',
      nameZh: '平果回收站',
      nameEn: 'Pingguo',
    });
    const caller = { actor: { type: 'user' as const, id: 'u-test' }, scope: 'user:u-test', isAdmin: false };
    const recorded = await recordCollection(
      lifecycleDeps(server.app),
      caller,
      recordCollectionInput.parse({
        site: 'PG01',
        grade: 'UBC',
        grossG: 1_200_000,
        tareG: 200_000,
        deductionG: 0,
        netG: 1_000_000,
        sealed: { seller: { kind: 'individual', name: '李明', residentId: '451002198506151230' } },
      }),
    );
    const lotId = recorded.lots[0]?.lotId as string;
    // Ten tonnes more on hand than was ever weighed: what a quiet rewrite of the figures would look like.
    server.app.db.$client.prepare('UPDATE lots SET balance_g = 11000000 WHERE lot_id = ?').run(lotId);
    const r = await verifyDerived();
    expect(r.code).toBe(1);
    expect(r.derived.difference).toMatchObject({
      table: 'lots',
      key: lotId,
      stored: { balanceG: 11_000_000 },
      fromLog: { balanceG: 1_000_000 },
    });
    expect((await cli(['rebuild', '--data-dir', server.dataDir])).code).toBe(0);
    const row = server.app.db.$client.prepare('SELECT balance_g FROM lots WHERE lot_id = ?').get(lotId);
    expect(row).toEqual({ balance_g: 1_000_000 });
    expect((await verifyDerived()).code).toBe(0);
  });
});
