// The lot page, the lot list and the home screen in a real browser: a lot
// recorded through the collection form shows on its page; a melt's ingot
// shows where it came from and a collection lot where it went; the seller
// shows only on request, for those allowed. Screenshots land in test-results/
// (lot-*.png, home-*.png) at 390 and 1280 px, in Chinese and English.

import {
  callerOf,
  dispatchLots,
  lifecycleDeps,
  receiveLots,
  recordCollection,
  recordProcessing,
  recordShipment,
  type TestServer,
} from '@alutrace/server/testing';
import {
  dispatchLotsInput,
  type Role,
  receiveLotsInput,
  recordCollectionInput,
  recordProcessingInput,
  recordShipmentInput,
} from '@alutrace/shared';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { saveScreenshot } from './browser';
import { fillCollection, GOOD_ID } from './collect-helpers';
import { addSite, addUser, DESKTOP, DESKTOP_WIDE, type E2e, PHONE, test, textOf } from './fixtures';

interface World {
  server: TestServer;
  users: Record<'operator' | 'recycler' | 'official', string>;
  collected: string[];
  ingot: string;
}

function callerFor(id: string, role: Role, site: string) {
  return callerOf({
    kind: 'user',
    id,
    name: id,
    displayName: id,
    role,
    sites: [site],
    mustChangePassword: false,
    sessionId: null,
  } as unknown as Parameters<typeof callerOf>[0]);
}

/** Two collections at PG01, trucked to RC01 and melted into an ADC12 ingot and dross. */
async function meltWorld(e2e: E2e): Promise<World> {
  const server = await e2e.startServer();
  await addSite(server, 'PG01', 'collection_point', '平果回收站', 'Pingguo collection point');
  await addSite(server, 'RC01', 'recycler', '平果再生铝', 'Pingguo recycler');
  const operator = await addUser(server, { username: 'li', displayName: '李师傅', role: 'operator', sites: ['PG01'] });
  const recycler = await addUser(server, {
    username: 'wang',
    displayName: '王厂长',
    role: 'recycler',
    sites: ['RC01'],
  });
  const official = await addUser(server, { username: 'zhou', displayName: '周审核', role: 'official' });
  const deps = lifecycleDeps(server.app);
  const op = callerFor(operator.id, 'operator', 'PG01');
  const rc = callerFor(recycler.id, 'recycler', 'RC01');
  const collected: string[] = [];
  for (const [gross, name] of [
    [1_523_000, '李明'],
    [600_000, '黄伟'],
  ] as const) {
    const r = await recordCollection(
      deps,
      op,
      recordCollectionInput.parse({
        site: 'PG01',
        grade: 'UBC',
        grossG: gross,
        tareG: 100_000,
        deductionG: 0,
        netG: gross - 100_000,
        sealed: {
          seller: { kind: 'individual', name, residentId: GOOD_ID },
          vehiclePlate: '桂L12345',
          priceFen: 1_234_500,
        },
      }),
    );
    collected.push(r.lots[0]?.lotId as string);
  }
  const dispatched = await dispatchLots(
    deps,
    op,
    dispatchLotsInput.parse({
      site: 'PG01',
      to: 'RC01',
      lots: [
        { lotId: collected[0], massG: 1_423_000 },
        { lotId: collected[1], massG: 500_000 },
      ],
    }),
  );
  await receiveLots(
    deps,
    rc,
    receiveLotsInput.parse({
      site: 'RC01',
      dispatchId: dispatched.dispatchId,
      lots: [
        { lotId: collected[0], receivedG: 1_423_000 },
        { lotId: collected[1], receivedG: 500_000 },
      ],
    }),
  );
  const run = await recordProcessing(
    deps,
    rc,
    recordProcessingInput.parse({
      site: 'RC01',
      process: 'melting',
      inputs: [
        { lotId: collected[0], consumedG: 1_423_000 },
        { lotId: collected[1], consumedG: 500_000 },
      ],
      additions: [{ kind: 'primary_aluminium', massG: 20_000 }],
      outputs: [{ form: 'ingot', alloy: 'ADC12', massG: 1_700_000 }],
      byproducts: [{ kind: 'dross', massG: 150_000, hazardousWasteCode: 'HW48 321-026-48' }],
    }),
  );
  return {
    server,
    users: { operator: operator.id, recycler: recycler.id, official: official.id },
    collected,
    ingot: run.lots[0]?.lotId as string,
  };
}

/**
 * The graph of test/api/trace-tree.test.ts: a (1,000,000 g) and b (500,000 g)
 * melted in part into ingot1 900,000 g + dross1; ingot1 half cast into a
 * billet 400,000 g (shipped) + dross2; a's rest and ingot1's rest melted into
 * ingot3 800,000 g + dross3. The figures asserted below are worked there.
 */
async function treeWorld(e2e: E2e) {
  const server = await e2e.startServer();
  await addSite(server, 'PG01', 'collection_point', '平果回收站', 'Pingguo collection point');
  await addSite(server, 'RC01', 'recycler', '平果再生铝', 'Pingguo recycler');
  await addSite(server, 'BY01', 'buyer', '柳州汽车零部件', 'Liuzhou auto parts');
  const operator = await addUser(server, { username: 'li', displayName: '李师傅', role: 'operator', sites: ['PG01'] });
  const recycler = await addUser(server, {
    username: 'wang',
    displayName: '王厂长',
    role: 'recycler',
    sites: ['RC01'],
  });
  const deps = lifecycleDeps(server.app);
  const op = callerFor(operator.id, 'operator', 'PG01');
  const rc = callerFor(recycler.id, 'recycler', 'RC01');
  const ids = {} as Record<'a' | 'b' | 'ingot1' | 'dross1' | 'billet' | 'dross2' | 'ingot3' | 'dross3', string>;
  for (const [name, net] of [
    ['a', 1_000_000],
    ['b', 500_000],
  ] as const) {
    const r = await recordCollection(
      deps,
      op,
      recordCollectionInput.parse({
        site: 'PG01',
        grade: 'UBC',
        grossG: net + 100_000,
        tareG: 100_000,
        deductionG: 0,
        netG: net,
        sealed: { seller: { kind: 'individual', name: '李明', residentId: GOOD_ID } },
      }),
    );
    ids[name] = r.lots[0]?.lotId as string;
  }
  const lots = [
    { lotId: ids.a, massG: 1_000_000 },
    { lotId: ids.b, massG: 500_000 },
  ];
  const sent = await dispatchLots(deps, op, dispatchLotsInput.parse({ site: 'PG01', to: 'RC01', lots }));
  await receiveLots(
    deps,
    rc,
    receiveLotsInput.parse({
      site: 'RC01',
      dispatchId: sent.dispatchId,
      lots: lots.map((l) => ({ lotId: l.lotId, receivedG: l.massG })),
    }),
  );
  const run = async (
    inputs: [string, number][],
    form: 'ingot' | 'billet',
    out: number,
    dross: number,
  ): Promise<[string, string]> =>
    (
      await recordProcessing(
        deps,
        rc,
        recordProcessingInput.parse({
          site: 'RC01',
          process: form === 'billet' ? 'casting' : 'melting',
          inputs: inputs.map(([lotId, consumedG]) => ({ lotId, consumedG })),
          additions: [],
          outputs: [{ form, alloy: 'ADC12', massG: out }],
          byproducts: [{ kind: 'dross', massG: dross, hazardousWasteCode: 'HW48 321-026-48' }],
        }),
      )
    ).lots.map((l) => l.lotId) as [string, string];
  [ids.ingot1, ids.dross1] = await run(
    [
      [ids.a, 600_000],
      [ids.b, 400_000],
    ],
    'ingot',
    900_000,
    100_000,
  );
  [ids.billet, ids.dross2] = await run([[ids.ingot1, 450_000]], 'billet', 400_000, 50_000);
  [ids.ingot3, ids.dross3] = await run(
    [
      [ids.a, 400_000],
      [ids.ingot1, 450_000],
    ],
    'ingot',
    800_000,
    50_000,
  );
  await recordShipment(
    deps,
    rc,
    recordShipmentInput.parse({
      site: 'RC01',
      lotId: ids.billet,
      buyer: 'BY01',
      chain: 'construction',
      massG: 400_000,
    }),
  );
  return { server, recycler: recycler.id, ids };
}

async function toEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'English' }).click();
}

describe('the lot page', () => {
  test('a lot recorded through the form on a phone shows on its page, with its seller on request', async ({ e2e }) => {
    const server = await e2e.startServer();
    await addSite(server, 'PG01', 'collection_point', '平果回收站', 'Pingguo collection point');
    const operator = await addUser(server, {
      username: 'li',
      displayName: '李师傅',
      role: 'operator',
      sites: ['PG01'],
    });
    const { page, errors } = await e2e.openPage(server, '/collect', { viewport: PHONE, signedInAs: operator.id });
    await page.getByTestId('collect-form').waitFor();
    await fillCollection(page);
    await page.getByTestId('collect-save').click();
    const lotId = await textOf(page.getByTestId('saved-lot-id'));
    await page.getByTestId('open-lot').click();

    expect(await textOf(page.getByTestId('lot-id'))).toBe(lotId);
    expect(await textOf(page.getByTestId('lot-state'))).toBe('在库');
    expect(await textOf(page.getByTestId('lot-balance'))).toBe('1311.5 kg / 1311.5 kg');
    expect(await textOf(page.getByTestId('lot-material'))).toContain('UBC');
    const timeline = await textOf(page.getByTestId('lot-timeline'));
    expect(timeline).toContain('收购过磅');
    expect(timeline).toMatch(/序号 \d+/);
    expect(await page.getByTestId('lot-passport').getAttribute('href')).toMatch(
      new RegExp(`^/l/${lotId}\\?d=[a-z2-7]{10}$`),
    );
    expect(await page.getByTestId('lot-reprint').getAttribute('href')).toBe(`/labels/print?lots=${lotId}&print=1`);
    // Nothing personal on the page until asked, and the asking is said to be recorded.
    expect(await page.content()).not.toContain('李明');
    expect(await textOf(page.getByTestId('lot-seller'))).toContain('记录');
    await saveScreenshot(page, 'lot-collection-390-zh');
    await page.getByTestId('show-seller').click();
    const seller = await textOf(page.getByTestId('seller-details'));
    expect(seller).toContain('李明');
    expect(seller).toContain(GOOD_ID);
    expect(seller).toContain('12345.50 yuan');
    await saveScreenshot(page, 'lot-seller-390-zh');
    expect(errors).toEqual([]);
  });

  test('an ingot shows the collection lots it came from, and a collection lot where it went', async ({ e2e }) => {
    const world = await meltWorld(e2e);
    const { page, errors } = await e2e.openPage(world.server, `/lots/${world.ingot}`, {
      viewport: DESKTOP,
      signedInAs: world.users.official,
    });
    const backward = await textOf(page.getByTestId('lineage-backward'));
    expect(backward).toContain(world.collected[0]);
    expect(backward).toContain(world.collected[1]);
    expect(await textOf(page.getByTestId('lineage-total'))).toContain('2 个收购批次');
    await saveScreenshot(page, 'lot-ingot-1280-zh');
    await toEnglish(page);
    await page.getByText('Where it came from (to the collection lots)').waitFor();
    await saveScreenshot(page, 'lot-ingot-1280-en');
    await page.setViewportSize(PHONE);
    await saveScreenshot(page, 'lot-ingot-390-en');

    await page.getByRole('link', { name: world.collected[0] as string }).click();
    const forward = await textOf(page.getByTestId('lineage-forward'));
    expect(forward).toContain(world.ingot);
    expect(forward).toMatch(/[\d.]+ kg went in, [\d.]+ kg of it this lot/);
    expect(await textOf(page.getByTestId('lot-state'))).toBe('Consumed');
    await saveScreenshot(page, 'lot-collection-390-en');
    await page.setViewportSize(DESKTOP);
    await saveScreenshot(page, 'lot-collection-1280-en');
    expect(errors).toEqual([]);
  });

  test('lineage is an indented tree: each run, what went in, and how much of the lot it carried', async ({ e2e }) => {
    const { server, recycler, ids } = await treeWorld(e2e);
    const { page, errors } = await e2e.openPage(server, `/lots/${ids.a}`, {
      viewport: { width: 360, height: 800 },
      signedInAs: recycler,
    });
    const forward = page.getByTestId('lineage-forward');
    await forward.waitFor();
    const node = (tree: typeof forward, ...path: string[]) =>
      tree.locator(path.map((id) => `[data-testid="lineage-node"][data-lot="${id}"]`).join(' '));
    // The billet hangs under ingot1, under run 1: ingot1's 400,000 g went in, 240,000 g of it a's.
    expect(await textOf(node(forward, ids.ingot1, ids.billet).locator(':scope > .lineage-mass'))).toBe(
      '投入 400 kg，含本批次 240 kg',
    );
    expect(await textOf(node(forward, ids.ingot1, ids.billet))).toContain('出售给 BY01 柳州汽车零部件（建筑）400 kg');
    expect(await textOf(node(forward, ids.ingot1).first().locator(':scope > .lineage-mass'))).toBe(
      '投入 540 kg，含本批次 540 kg',
    );
    // ingot3 is reached twice: through ingot1 (254.117 kg of a) and straight from a (376.471 kg).
    const ingot3 = node(forward, ids.ingot3);
    expect(await ingot3.count()).toBe(2);
    expect(await textOf(node(forward, ids.ingot1, ids.ingot3).locator(':scope > .lineage-mass'))).toBe(
      '投入 423.529 kg，含本批次 254.117 kg',
    );
    expect(await textOf(ingot3.nth(1).locator(':scope > .lineage-mass'))).toBe('投入 376.471 kg，含本批次 376.471 kg');
    expect(await textOf(ingot3.nth(0))).toContain('经 2 条路径共含本批次 630.588 kg');
    // Every level names its run.
    expect(await textOf(forward)).toContain('铸造 · RC01 平果再生铝');
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await saveScreenshot(page, 'lot-tree-forward-360-zh');
    // The tree itself at the phone's own size (the full page shrinks it when viewed).
    await page.getByTestId('lineage-forward').evaluate((el) => el.scrollIntoView());
    await saveScreenshot(page, 'lot-tree-forward-360-zh-view', false);
    await page.setViewportSize(DESKTOP_WIDE);
    await saveScreenshot(page, 'lot-tree-forward-1440-zh');

    await page.goto(`${server.url}/lots/${ids.ingot3}`);
    const backward = page.getByTestId('lineage-backward');
    await backward.waitFor();
    // ingot3 ← run 3 ← a (376.471 kg) and ingot1 (423.529 kg) ← run 1 ← a (540 kg), b (360 kg).
    expect(await textOf(node(backward, ids.ingot1, ids.b).locator(':scope > .lineage-mass'))).toBe('投入 360 kg');
    expect(await textOf(node(backward, ids.ingot1, ids.b))).toContain('本批次中共有 169.412 kg 来自它');
    expect(await node(backward, ids.a).count()).toBe(2);
    expect(await textOf(node(backward, ids.a).first())).toContain('本批次中共有 630.588 kg 来自它');
    expect(await textOf(node(backward, ids.a).nth(1))).toContain('它共贡献多少见上文');
    await toEnglish(page);
    await page.getByText('Where it came from (to the collection lots)').waitFor();
    expect(await textOf(node(backward, ids.ingot1).locator(':scope > .lineage-mass'))).toBe('423.529 kg went in');
    await saveScreenshot(page, 'lot-tree-backward-1440-en');
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await saveScreenshot(page, 'lot-tree-backward-360-en');
    await page.getByTestId('lot-lineage').evaluate((el) => el.scrollIntoView());
    await saveScreenshot(page, 'lot-tree-backward-360-en-view', false);
    expect(errors).toEqual([]);
  });

  test('the recycler who melted a lot sees it but no seller button: the seller is the collection point’s', async ({
    e2e,
  }) => {
    const world = await meltWorld(e2e);
    const { page } = await e2e.openPage(world.server, `/lots/${world.collected[0]}`, {
      viewport: PHONE,
      signedInAs: world.users.recycler,
    });
    await page.getByTestId('lot-details').waitFor();
    expect(await page.getByTestId('show-seller').count()).toBe(0);
  });

  test('the lot list filters by state and lot id, and pages on', async ({ e2e }) => {
    const world = await meltWorld(e2e);
    const { page, errors } = await e2e.openPage(world.server, '/lots', {
      viewport: PHONE,
      signedInAs: world.users.official,
    });
    await page.getByTestId('lot-list').waitFor();
    expect(await page.getByTestId('lot-row').count()).toBe(4);
    await saveScreenshot(page, 'lot-list-390-zh');
    await page.getByLabel('状态').selectOption('on_hand');
    await page.waitForURL(/state=on_hand/);
    // The ingot and the dross; the collection lots were melted.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="lot-row"]').length === 2);
    await page.getByLabel('批次号').fill(world.ingot);
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.waitForURL(/q=/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="lot-row"]').length === 1);
    expect(await textOf(page.getByTestId('lot-row'))).toContain(world.ingot);
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="lot-row"]').length === 4);
    await saveScreenshot(page, 'lot-list-1280-zh');
    await toEnglish(page);
    await page.getByRole('heading', { name: 'Lots' }).waitFor();
    await saveScreenshot(page, 'lot-list-1280-en');
    await page.setViewportSize(PHONE);
    await saveScreenshot(page, 'lot-list-390-en');
    expect(errors).toEqual([]);
  });
});

describe('the home screen', () => {
  test('each role sees what it does every day, one tap away', async ({ e2e }) => {
    const world = await meltWorld(e2e);
    for (const role of ['operator', 'recycler', 'official'] as const) {
      const { page, errors } = await e2e.openPage(world.server, '/home', {
        viewport: PHONE,
        signedInAs: world.users[role],
      });
      await page.getByTestId('home-tiles').waitFor();
      if (role === 'operator') {
        expect(await page.getByTestId('home-collect').getAttribute('href')).toBe('/collect');
        await page.getByTestId('home-lot-list').waitFor();
        expect(await page.getByTestId('lot-row').count()).toBe(2);
      }
      if (role === 'recycler') {
        await page.getByTestId('home-lot-list').waitFor();
        // The ingot and the dross are on hand at RC01.
        expect(await page.getByTestId('lot-row').count()).toBe(2);
      }
      if (role === 'official') expect(await page.getByTestId('home-lot-list').count()).toBe(0);
      await saveScreenshot(page, `home-${role}-390-zh`);
      await page.setViewportSize(DESKTOP);
      await saveScreenshot(page, `home-${role}-1280-zh`);
      await toEnglish(page);
      await page.getByRole('heading', { name: /^Hello/ }).waitFor();
      await saveScreenshot(page, `home-${role}-1280-en`);
      await page.setViewportSize(PHONE);
      await saveScreenshot(page, `home-${role}-390-en`);
      expect(errors).toEqual([]);
    }
    // The operator's first tile opens the collection form.
    const { page } = await e2e.openPage(world.server, '/home', { viewport: PHONE, signedInAs: world.users.operator });
    await page.getByTestId('home-collect').click();
    await page.getByTestId('collect-form').waitFor();
  });
});
