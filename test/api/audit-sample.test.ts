// audit.sample over real HTTP next to `alutrace sample` on the server's data
// directory: the server draws from its derived lots table as of the
// checkpoint, the CLI from a replay of the log it checks against the signed
// root; both must give the same lots, seed and counts, at the head and at
// older checkpoints (before a lot was made, before it was voided).

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@alutrace/server/testing';
import {
  type AuditCheckpointsPage,
  type AuditSampleView,
  drawSample,
  type RecordedView,
  type SampleParamsInput,
  sampleParamsSchema,
} from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli';
import { type Client, data, errorCode } from './http-client';
import { Stock } from './lifecycle-stock';
import { buildWorld, type World } from './world';

let world: World;
let official: Client;
/** Tree sizes of signed checkpoints: before the voided lot existed, after it was made, after it was voided. */
const at = { before: 0, made: 0, voided: 0, head: 0 };
let voidedLot = '';

beforeAll(async () => {
  world = await buildWorld();
  official = world.clientFor('official');
  const stock = new Stock(world);
  for (let i = 0; i < 4; i++) await stock.collect('PG01');
  for (let i = 0; i < 3; i++) await stock.collect('PG02');
  await stock.melt('RC01');
  at.before = world.server.app.ledger.signCheckpoint().treeSize;
  const op = world.clientFor('operator');
  const doomed: RecordedView = await stock.collect('PG01', op);
  voidedLot = doomed.lots[0]?.lotId as string;
  await stock.collect('PG02');
  at.made = world.server.app.ledger.signCheckpoint().treeSize;
  data(
    await op.mutate('corrections.record', {
      site: 'PG01',
      targetSeq: doomed.seq,
      targetLeafHash: doomed.leafHashes[0],
      reason: 'weighing_error',
    }),
  );
  at.voided = world.server.app.ledger.signCheckpoint().treeSize;
  await stock.melt('RC02');
  at.head = world.server.app.ledger.signCheckpoint().treeSize;
});
afterAll(async () => {
  await world?.stop();
});

const sample = (treeSize: number, params: SampleParamsInput) =>
  official.query<AuditSampleView>('audit.sample', { treeSize, params });

async function cliSample(treeSize: number, args: string[]) {
  const r = await cli([
    'sample',
    '--checkpoint',
    String(treeSize),
    '--json',
    '--data-dir',
    world.server.dataDir,
    ...args,
  ]);
  expect(r.code, r.err || r.out).toBe(0);
  return JSON.parse(r.out) as AuditSampleView;
}

const ids = (v: AuditSampleView) => v.strata.map((s) => [s.key, s.eligible, s.lots.map((l) => l.lotId)]);

describe('audit.sample and alutrace sample draw the same lots', () => {
  const cases: [string, SampleParamsInput, string[]][] = [
    ['every lot, unstratified', { count: 3 }, ['--count', '3']],
    ['by site', { count: 2, strata: 'site' }, ['--count', '2', '--strata', 'site']],
    [
      'scrap of two sites, by kind',
      { count: 5, sites: ['PG02', 'PG01'], kinds: ['scrap'], strata: 'kind' },
      ['--count', '5', '--site', 'PG01', '--site', 'PG02', '--kind', 'scrap', '--strata', 'kind'],
    ],
    [
      'products and by-products',
      { count: 1, kinds: ['product', 'byproduct'], strata: 'kind' },
      ['--count', '1', '--kind', 'product', '--kind', 'byproduct', '--strata', 'kind'],
    ],
  ];
  for (const [name, params, args] of cases) {
    it(`${name}, at every checkpoint`, async () => {
      for (const size of [at.before, at.made, at.voided, at.head]) {
        const web = data(await sample(size, params));
        const line = await cliSample(size, args);
        expect(line.seed).toBe(web.seed);
        expect(line.seedInput).toBe(web.seedInput);
        expect(line.eligible).toBe(web.eligible);
        expect(line.strata).toEqual(web.strata);
        expect(line.note).toBe(web.note);
      }
    });
  }

  it('counts the lots that existed at the checkpoint: made after it, no; voided after it, yes', async () => {
    const everything = { count: 500 };
    const has = (v: AuditSampleView) => v.strata.flatMap((s) => s.lots).some((l) => l.lotId === voidedLot);
    const before = data(await sample(at.before, everything));
    const made = data(await sample(at.made, everything));
    const voided = data(await sample(at.voided, everything));
    // 7 collections, the melt's own scrap lot (collected at PG01 for it), its ingot and dross;
    // then two more collections; then one of them voided.
    expect(before.eligible).toBe(10);
    expect(made.eligible).toBe(12);
    expect(voided.eligible).toBe(11);
    expect(has(before)).toBe(false);
    expect(has(made)).toBe(true);
    expect(has(voided)).toBe(false);
  });

  it('is the shared draw over the lots the server lists, seeded by the named checkpoint', async () => {
    const v = data(await sample(at.made, { count: 2, strata: 'site', from: '2000-01-01' }));
    const cp = world.server.app.ledger.checkpointAt(at.made);
    expect(v.checkpoint).toEqual({ origin: 'alutrace.local/ledger', treeSize: at.made, rootHash: cp?.rootHash });
    expect(v.note).toBe(cp?.note);
    expect(JSON.parse(v.seedInput)).toMatchObject({ checkpoint: { treeSize: at.made, rootHash: cp?.rootHash } });
    // The same parameters at another checkpoint rank the lots differently.
    const other = data(await sample(at.head, { count: 2, strata: 'site', from: '2000-01-01' }));
    expect(other.seed).not.toBe(v.seed);
    expect(ids(v).map(([k]) => k)).toEqual(['PG01', 'PG02', 'RC01']);
    const again = drawSample(
      v.strata.flatMap((s) => s.lots),
      v.checkpoint,
      sampleParamsSchema.parse({ count: 2, strata: 'site', from: '2000-01-01' }),
    );
    expect(again.strata.map((s) => s.lots)).toEqual(v.strata.map((s) => s.lots));
  });

  it('lists the signed checkpoints to choose from, newest first, a page at a time', async () => {
    const first = data(await official.query<AuditCheckpointsPage>('audit.checkpoints', { limit: 2 }));
    expect(first.items.map((c) => c.treeSize)).toEqual([at.head, at.head - 1].filter((s) => s >= at.head - 1));
    expect(first.items[0]?.rootHash).toBe(world.server.app.ledger.checkpointAt(at.head)?.rootHash);
    expect(first.next).toBe(first.items[1]?.treeSize);
    const next = data(
      await official.query<AuditCheckpointsPage>('audit.checkpoints', { limit: 2, before: first.next }),
    );
    expect(next.items[0]?.treeSize).toBeLessThan(first.next as number);
  });
});

describe('from an export file, without the database', () => {
  it('draws the same lots from `alutrace export`, and refuses an export whose entries were altered', async () => {
    const dir = makeTempDir('alutrace-sample-export-');
    const file = join(dir, 'ledger.jsonl');
    const exported = await cli(['export', '--out', file, '--data-dir', world.server.dataDir]);
    expect(exported.code, exported.err).toBe(0);
    const args = ['--count', '2', '--strata', 'site'];
    for (const size of [at.made, at.head]) {
      const fromDir = await cliSample(size, args);
      const r = await cli(['sample', '--checkpoint', String(size), '--json', '--export', file, ...args]);
      expect(r.code, r.err || r.out).toBe(0);
      const fromFile = JSON.parse(r.out) as AuditSampleView;
      expect(fromFile.strata).toEqual(fromDir.strata);
      expect(fromFile.seed).toBe(fromDir.seed);
    }
    // A lot id changed in one collection entry: its bytes no longer give the signed root.
    const lines = readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.includes('collection.recorded') && l.includes(voidedLot));
    lines[i] = (lines[i] as string).replaceAll(voidedLot, voidedLot.replace(/\d{4}$/, '9999'));
    const altered = join(dir, 'altered.jsonl');
    writeFileSync(altered, lines.join('\n'));
    const bad = await cli(['sample', '--checkpoint', String(at.head), '--export', altered, ...args]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('do not give the signed root');
    const none = await cli([
      'sample',
      '--checkpoint',
      String(at.head),
      '--export',
      join(dir, 'missing.jsonl'),
      ...args,
    ]);
    expect(none.code).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('refusals', () => {
  it('a tree size no checkpoint was signed at is named, in both languages', async () => {
    const r = await sample(at.head + 1000, { count: 1 });
    expect(r.status).toBe(404);
    expect(errorCode(r)).toBe('SAMPLE_CHECKPOINT_UNKNOWN');
    expect(r.body.error?.data.app.messageZh).toContain(String(at.head + 1000));
    const c = await cli([
      'sample',
      '--checkpoint',
      String(at.head + 1000),
      '--count',
      '1',
      '--data-dir',
      world.server.dataDir,
    ]);
    expect(c.code).toBe(2);
    expect(c.err).toContain(`no checkpoint was signed at tree size ${at.head + 1000}`);
  });

  it('bad parameters are field errors, not 500s', async () => {
    for (const params of [
      { count: 0 },
      { count: 1, from: '2026-13-01' },
      { count: 1, sites: ['x'] },
      { count: 1, strata: 'grade' },
    ]) {
      const r = await sample(at.head, params as SampleParamsInput);
      expect(r.status).toBe(400);
      expect(errorCode(r)).toBe('VALIDATION_FAILED');
    }
    expect(
      (await cli(['sample', '--checkpoint', String(at.head), '--count', 'many', '--data-dir', world.server.dataDir]))
        .code,
    ).toBe(2);
    expect(
      (
        await cli([
          'sample',
          '--checkpoint',
          String(at.head),
          '--count',
          '1',
          '--strata',
          'grade',
          '--data-dir',
          world.server.dataDir,
        ])
      ).code,
    ).toBe(2);
  });

  it('the CLI refuses a checkpoint that does not verify under the key given', async () => {
    const key = (await cli(['key', '--data-dir', world.server.dataDir])).out.trim();
    const other = key.replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    const bad = await cli([
      'sample',
      '--checkpoint',
      String(at.head),
      '--count',
      '1',
      '--key',
      other,
      '--data-dir',
      world.server.dataDir,
    ]);
    expect(bad.code).toBe(2);
    const good = await cli([
      'sample',
      '--checkpoint',
      String(at.head),
      '--count',
      '1',
      '--key',
      key,
      '--data-dir',
      world.server.dataDir,
    ]);
    expect(good.code).toBe(0);
    expect(good.out).toContain('(signature verified)');
  });
});
