// The reference catalogue: seeded into the ledger on first start, read by
// everyone, kept by administrators; every change an entry, nothing deleted.
import type { EntriesPage, GradeView } from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data, errorCode } from './http-client';
import { buildWorld, type World } from './world';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  await world?.stop();
});

const newGrade = (code: string) => ({
  code,
  nameZh: '废铝门窗',
  nameEn: 'Old window frames',
  family: 'wrought',
  defaultSourceClass: 'post_consumer',
  yieldMinPct: 88,
  yieldMaxPct: 95,
  isri: 'Tutu',
});

describe('the seeded catalogue', () => {
  it('is recorded in the ledger on first start by the system, one grade.defined entry per grade', async () => {
    const grades = data(await world.clientFor('operator').query<GradeView[]>('grades.list'));
    expect(grades.length).toBeGreaterThanOrEqual(15);
    const ubc = grades.find((g) => g.code === 'UBC');
    expect(ubc).toMatchObject({
      nameZh: '废铝易拉罐（打包）',
      family: 'ubc',
      defaultSourceClass: 'post_consumer',
      isri: 'Taldon',
      active: true,
    });
    const entry = world.server.app.ledger.entryBySeq(ubc?.definedSeq as number)?.entry;
    expect(entry).toMatchObject({
      kind: 'grade.defined',
      site: null,
      actor: { type: 'system', id: 'bootstrap' },
      body: { code: 'UBC', family: 'ubc', yieldMinPct: 80, yieldMaxPct: 88 },
    });
    const kinds = world.server.app.db.$client
      .prepare("SELECT count(*) AS n FROM ledger_entries WHERE kind = 'grade.defined'")
      .get() as { n: number };
    expect(kinds.n).toBe(grades.length);
  });

  it('is not seeded again on the next start', async () => {
    const { createApp, createLogger } = await import('@alutrace/server');
    const before = world.server.app.ledger.size;
    const again = await createApp(world.server.app.config, createLogger('silent'), { ensureAdmin: false });
    again.close();
    expect(world.server.app.ledger.size).toBe(before);
  });

  it('names the alloys of the plan', async () => {
    const alloys = data(await world.clientFor('recycler').query<{ code: string }[]>('alloys.list'));
    expect(alloys.map((a) => a.code)).toEqual(expect.arrayContaining(['ADC12', 'A380', 'A356.2', 'ZL102', '6063']));
  });
});

describe('an administrator keeps the catalogue', () => {
  it('creates a grade, recorded as one entry by that administrator', async () => {
    const admin = world.clientFor('admin');
    const before = world.server.app.ledger.size;
    const g = data(await admin.mutate<GradeView>('grades.create', newGrade('WINDOWS')));
    expect(g).toMatchObject({ code: 'WINDOWS', nameEn: 'Old window frames', active: true });
    expect(world.server.app.ledger.size).toBe(before + 1);
    expect(world.server.app.ledger.entryBySeq(g.definedSeq)?.entry.actor).toMatchObject({
      type: 'user',
      id: world.users.admin.id,
    });
  });

  it('refuses a code that exists, in both languages', async () => {
    const r = await world.clientFor('admin').mutate('grades.create', newGrade('UBC'));
    expect(r.status).toBe(409);
    expect(errorCode(r)).toBe('CONFLICT');
    expect(r.body.error?.message).toBe('That grade already exists: UBC.');
    expect(r.body.error?.data.app.messageZh).toBe('废料品级 UBC 已存在。');
  });

  it('refuses a yield band that runs backwards, and writes nothing', async () => {
    const before = world.server.app.ledger.size;
    const r = await world
      .clientFor('admin')
      .mutate('grades.create', { ...newGrade('BACKWARDS'), yieldMinPct: 95, yieldMaxPct: 80 });
    expect(errorCode(r)).toBe('VALIDATION_FAILED');
    expect(r.body.error?.data.app.fieldsZh?.yieldMaxPct).toEqual(['收得率区间的上限不能小于下限']);
    const widened = await world.clientFor('admin').mutate('grades.update', { code: 'UBC', yieldMinPct: 99 });
    expect(errorCode(widened)).toBe('VALIDATION_FAILED');
    expect(world.server.app.ledger.size).toBe(before);
  });

  it('deactivates a grade without deleting it: it leaves the pick list but stays readable', async () => {
    const admin = world.clientFor('admin');
    await admin.mutate('grades.create', newGrade('OLDSTOCK'));
    const off = data(await admin.mutate<GradeView>('grades.update', { code: 'OLDSTOCK', active: false }));
    expect(off.active).toBe(false);
    const active = data(await world.clientFor('operator').query<GradeView[]>('grades.list'));
    expect(active.map((g) => g.code)).not.toContain('OLDSTOCK');
    const all = data(await admin.query<GradeView[]>('grades.list', { includeInactive: true }));
    expect(all.find((g) => g.code === 'OLDSTOCK')?.active).toBe(false);
    const history = data(await admin.query<EntriesPage>('ledger.entries', { kind: 'grade.defined', limit: 100 }));
    const changes = history.items.filter((i) => i.entry.body.code === 'OLDSTOCK').map((i) => i.entry.body.active);
    expect(changes.sort()).toEqual([false, true]);
  });

  it('writes nothing for a change that changes nothing', async () => {
    const before = world.server.app.ledger.size;
    const r = await world.clientFor('admin').mutate('grades.update', { code: 'UBC', nameZh: '废铝易拉罐（打包）' });
    expect(r.status).toBe(200);
    expect(world.server.app.ledger.size).toBe(before);
  });

  it('answers an unknown code with NOT_FOUND in both languages', async () => {
    const r = await world.clientFor('admin').mutate('alloys.update', { code: 'NOPE', nameEn: 'x' });
    expect(r.status).toBe(404);
    expect(r.body.error?.data.app.messageZh).toBe('未找到合金牌号：NOPE。');
  });
});
