// Sites know where they are: district, park and filing or licence number,
// set when created and changed later, each change a ledger entry.
import type { SiteView } from '@alutrace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli';
import { data, errorCode } from './http-client';
import { buildWorld, type World } from './world';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  await world?.stop();
});

describe('where a site is', () => {
  it('records district, park and licence with the site, in its site.created entry', async () => {
    const site = data(
      await world.clientFor('admin').mutate<SiteView>('sites.create', {
        code: 'RC09',
        kind: 'recycler',
        nameZh: '新山再生铝',
        nameEn: 'Xinshan recycler',
        district: '平果市',
        park: 'xinshan_aluminium',
        licence: '91451023MA5N000000',
      }),
    );
    expect(site).toMatchObject({ district: '平果市', park: 'xinshan_aluminium', licence: '91451023MA5N000000' });
    const entry = world.server.app.db.$client
      .prepare("SELECT canonical FROM ledger_entries WHERE kind = 'site.created' AND site = 'RC09'")
      .get() as { canonical: Buffer };
    expect(JSON.parse(entry.canonical.toString()).body).toMatchObject({
      park: 'xinshan_aluminium',
      licence: '91451023MA5N000000',
    });
  });

  it('moves a site out of its park, recording what changed', async () => {
    const admin = world.clientFor('admin');
    const site = data(await admin.mutate<SiteView>('sites.update', { code: 'RC09', park: null }));
    expect(site.park).toBeNull();
    const last = world.server.app.ledger.entryBySeq(world.server.app.ledger.size - 1)?.entry;
    expect(last).toMatchObject({
      kind: 'site.updated',
      body: { from: { park: 'xinshan_aluminium' }, to: { park: null } },
    });
  });

  it('refuses a park that is not one of the base', async () => {
    const r = await world.clientFor('admin').mutate('sites.create', {
      code: 'RC10',
      kind: 'recycler',
      nameZh: '某厂',
      nameEn: 'Some plant',
      park: 'elsewhere',
    });
    expect(errorCode(r)).toBe('VALIDATION_FAILED');
    expect(Object.keys(r.body.error?.data.app.fields ?? {})).toEqual(['park']);
  });

  it('takes them on the command line too', async () => {
    const r = await cli([
      'site',
      'add',
      '--code',
      'DB01',
      '--kind',
      'collection_point',
      '--name-zh',
      '德保回收站',
      '--name-en',
      'Debao collection point',
      '--district',
      '德保县',
      '--park',
      'debao_aluminium',
      '--data-dir',
      world.server.dataDir,
    ]);
    expect(r.code, r.err).toBe(0);
    const row = world.server.app.db.$client.prepare("SELECT district, park FROM sites WHERE code = 'DB01'").get();
    expect(row).toEqual({ district: '德保县', park: 'debao_aluminium' });
  });
});
