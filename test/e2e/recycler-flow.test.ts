// The lifecycle screens in a real browser, phone first: lots collected at a
// collection point and dispatched through the API arrive at a recycler, who
// receives them (a discrepancy shown before saving), melts them (the live
// balance on screen), ships the ingot and dispatches the dross; the utiliser
// receives the dross and routes it; a forged label is refused with a
// warning; a dispatch whose answer was lost is pressed again and recorded
// once; a correction that would break later entries names them.
// Screenshots of every screen at 390 and 1280 px, in Chinese and English,
// land in test-results/ (dispatch-*, receive-*, process-*, ship-*,
// byproducts-*, correct-*).

import { callerOf, dispatchLots, lifecycleDeps, recordCollection, type TestServer } from '@alutrace/server/testing';
import { dispatchLotsInput, type Role, recordCollectionInput } from '@alutrace/shared';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { saveScreenshot } from './browser';
import { addSite, addUser, DESKTOP, PHONE, test, textOf } from './fixtures';

const RESIDENT_ID = '451002198506151230';

function callerFor(id: string, role: Role, site: string) {
  return callerOf({
    kind: 'user',
    id,
    username: id,
    displayName: id,
    role,
    sites: [site],
    mustChangePassword: false,
    sessionId: null,
  } as unknown as Parameters<typeof callerOf>[0]);
}

interface World {
  server: TestServer;
  operator: string;
  recycler: string;
  utiliser: string;
  lots: string[];
}

/** Two 1,000 kg UBC lots collected at PG01 and, unless `dispatch` is false, on a truck to RC01. */
async function truckWorld(server: TestServer, dispatch = true): Promise<World> {
  await addSite(server, 'PG01', 'collection_point', '平果回收站', 'Pingguo collection point');
  await addSite(server, 'RC01', 'recycler', '平果再生铝', 'Pingguo recycler');
  await addSite(server, 'UT01', 'utiliser', '平果铝灰利用', 'Pingguo dross utiliser');
  await addSite(server, 'BY01', 'buyer', '柳州汽车零部件', 'Liuzhou auto parts');
  const operator = await addUser(server, { username: 'li', role: 'operator', sites: ['PG01'] });
  const recycler = await addUser(server, { username: 'wang', role: 'recycler', sites: ['RC01'] });
  const utiliser = await addUser(server, { username: 'huang', role: 'utiliser', sites: ['UT01'] });
  const deps = lifecycleDeps(server.app);
  const op = callerFor(operator.id, 'operator', 'PG01');
  const lots: string[] = [];
  for (const name of ['李明', '黄伟']) {
    const r = await recordCollection(
      deps,
      op,
      recordCollectionInput.parse({
        site: 'PG01',
        grade: 'UBC',
        grossG: 1_100_000,
        tareG: 100_000,
        deductionG: 0,
        netG: 1_000_000,
        sealed: { seller: { kind: 'individual', name, residentId: RESIDENT_ID } },
      }),
    );
    lots.push(r.lots[0]?.lotId as string);
  }
  if (!dispatch) return { server, operator: operator.id, recycler: recycler.id, utiliser: utiliser.id, lots };
  await dispatchLots(
    deps,
    op,
    dispatchLotsInput.parse({ site: 'PG01', to: 'RC01', lots: lots.map((lotId) => ({ lotId, massG: 1_000_000 })) }),
  );
  return { server, operator: operator.id, recycler: recycler.id, utiliser: utiliser.id, lots };
}

/** Both languages at both widths, then back to Chinese on a phone; the form keeps what was typed. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const lang of ['zh', 'en'] as const) {
    await page.locator(`.language-switch button[lang="${lang === 'zh' ? 'zh-CN' : 'en'}"]`).dispatchEvent('click');
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      // Two frames, so the page is laid out and painted at the new width before the capture.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await saveScreenshot(page, `${name}-${size}-${lang}`);
    }
  }
  await page.locator('.language-switch button[lang="zh-CN"]').dispatchEvent('click');
  await page.setViewportSize(PHONE);
}

async function addLot(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(`${testId}-input`).fill(text);
  await page.getByTestId(`${testId}-input`).press('Enter');
}

describe('a truckload from collection to buyer and dross route, on a phone', () => {
  test('the recycler receives, melts and ships; the dross reaches its route; a forged label is refused', async ({
    e2e,
  }) => {
    const server = await e2e.startServer();
    const world = await truckWorld(server);
    const [lotA, lotB] = world.lots as [string, string];
    const { page, errors } = await e2e.openPage(server, '/receive', { viewport: PHONE, signedInAs: world.recycler });

    // Receive: 985 kg of lot A is 1.5 % short, shown before saving.
    await page.getByTestId('incoming-dispatch').getByRole('button').click();
    await page.getByTestId(`received-${lotA}`).fill('985');
    await page.getByTestId(`received-${lotB}`).fill('1000');
    expect(await textOf(page.getByTestId(`received-${lotA}-grams`))).toBe('= 985,000 克');
    await expect.poll(() => page.getByTestId('receipt-over-tolerance').count()).toBe(1);
    expect(await textOf(page.getByTestId('receipt-over-tolerance'))).toContain('1.50 %');
    await shoot(page, 'receive');
    await page.getByTestId('receive-save').click();
    expect(await textOf(page.getByTestId('receive-flagged'))).toContain(lotA);

    // A label with another lot's check code is refused with a warning, not added.
    await page.goto(`${server.url}/process`);
    await addLot(page, 'process-lot', `${server.url}/l/${lotA}?d=aaaaaaaaaa`);
    expect(await textOf(page.getByTestId('process-lot-forged'))).toContain('伪造');
    expect(await page.getByTestId('input-row').count()).toBe(0);
    await saveScreenshot(page, 'process-forged-phone-zh');

    // Melt both lots: the balance follows what is typed.
    await addLot(page, 'process-lot', lotA);
    await expect.poll(() => page.getByTestId('input-row').count()).toBe(1);
    await addLot(page, 'process-lot', lotB);
    await expect.poll(() => page.getByTestId('input-row').count()).toBe(2);
    await page.getByTestId('output-code-0').selectOption('ADC12');
    await page.getByTestId('output-mass-0').fill('1700');
    await page.getByTestId('add-byproduct').click();
    await page.getByTestId('byproduct-mass-0').fill('150');
    expect(await page.getByTestId('byproduct-hw-0').inputValue()).toBe('HW48 321-026-48');
    expect(await textOf(page.getByTestId('balance-in'))).toContain('1985 kg');
    expect(await textOf(page.getByTestId('balance-loss'))).toContain('135 kg');
    expect(await textOf(page.getByTestId('balance-loss'))).toContain('6.8 %');
    expect(await textOf(page.getByTestId('balance-recycled'))).toContain('100.0 %');
    await shoot(page, 'process');
    await page.getByTestId('process-save').click();
    await page.getByTestId('process-done').waitFor();
    const made = await page.getByTestId('recorded-lot').allTextContents();
    expect(made).toHaveLength(2);
    const [ingot, dross] = made as [string, string];
    expect(await page.getByTestId('print-all').getAttribute('href')).toBe(`/labels/print?lots=${ingot},${dross}`);
    await shoot(page, 'process-done');

    // Ship the ingot, whole, to the buyer.
    await page.goto(`${server.url}/ship`);
    await addLot(page, 'ship-lot', ingot);
    await expect.poll(() => textOf(page.getByTestId('ship-mass'))).toContain('1700 kg');
    await page.getByTestId('ship-buyer').selectOption('BY01');
    await page.getByTestId('ship-chain').getByLabel('交通运输').check();
    await shoot(page, 'ship');
    await page.getByTestId('ship-save').click();
    await page.getByTestId('ship-done').waitFor();

    // Dispatch the dross to the utiliser; scrap would be refused there, and a repeat is only noted.
    await page.goto(`${server.url}/dispatch`);
    await page.getByTestId('dispatch-to').selectOption('UT01');
    await addLot(page, 'dispatch-lot', dross);
    await expect.poll(() => page.getByTestId('dispatch-row').count()).toBe(1);
    await addLot(page, 'dispatch-lot', dross);
    expect(await textOf(page.getByTestId('dispatch-repeat'))).toContain(dross);
    await addLot(page, 'dispatch-lot', ingot);
    expect(await textOf(page.getByTestId('dispatch-lot-error'))).toContain(ingot);
    expect(await page.getByTestId('dispatch-row').count()).toBe(1);
    expect(await textOf(page.getByTestId('dispatch-total'))).toContain('150 kg');
    await page.getByTestId('dispatch-plate').fill('桂L·23456');
    await shoot(page, 'dispatch');
    // The first answer is lost on the way back: pressing again with the same key records nothing twice (rule 6).
    expect(errors).toEqual([]);
    let answered = false;
    await page.route('**/trpc/transfers.dispatch*', async (route) => {
      if (answered) return route.continue();
      answered = true;
      await route.fetch();
      await route.abort('failed');
    });
    await page.getByTestId('dispatch-confirm').click();
    expect(await page.getByTestId('problem').getAttribute('data-code')).toBe('UNREACHABLE');
    const sizeAfterFirst = server.app.ledger.size;
    await page.getByTestId('dispatch-confirm').click();
    expect(await textOf(page.getByTestId('dispatch-done'))).toContain('没有重复记录');
    expect(server.app.ledger.size).toBe(sizeAfterFirst);

    // The utiliser receives the dross and routes it.
    const ut = await e2e.openPage(server, '/receive', { viewport: PHONE, signedInAs: world.utiliser });
    await ut.page.getByTestId('incoming-dispatch').getByRole('button').click();
    await ut.page.getByRole('button', { name: '与发出相同' }).click();
    await ut.page.getByTestId('receive-save').click();
    await ut.page.getByTestId('receive-done').waitFor();
    await ut.page.goto(`${server.url}/byproducts`);
    await addLot(ut.page, 'byproduct-lot', dross);
    await expect.poll(() => ut.page.getByTestId('byproduct-mass').inputValue()).toBe('150');
    await ut.page.getByTestId('byproduct-route').getByLabel('水泥或耐火材料原料').check();
    await ut.page.getByTestId('byproduct-manifest').fill('GX2026-000123');
    await shoot(ut.page, 'byproducts');
    await ut.page.getByTestId('byproduct-save').click();
    await ut.page.getByTestId('byproducts-done').waitFor();
    expect(ut.errors).toEqual([]);
  });

  test('a correction that later entries rest on names them, each a link to correct first', async ({ e2e }) => {
    const server = await e2e.startServer();
    const world = await truckWorld(server);
    const [lotA] = world.lots as [string, string];
    const { page } = await e2e.openPage(server, '/receive', { viewport: PHONE, signedInAs: world.recycler });
    await page.getByTestId('incoming-dispatch').getByRole('button').click();
    await page.getByTestId(`received-${lotA}`).fill('1000');
    await page.getByTestId('receive-save').click();
    await page.getByTestId('receive-done').waitFor();
    await page.goto(`${server.url}/process`);
    await addLot(page, 'process-lot', lotA);
    await page.getByTestId('output-code-0').selectOption('ADC12');
    await page.getByTestId('output-mass-0').fill('900');
    // More than the lot holds: the server's refusal shows under that lot, in the reader's language.
    await page.getByTestId('consumed-0').fill('1200');
    await page.getByTestId('process-save').click();
    const refusal = page.getByTestId('input-row').getByRole('alert');
    expect(await textOf(refusal)).toContain(lotA);
    expect(await textOf(refusal)).toMatch(/余量|balance/);
    await saveScreenshot(page, 'process-refused-phone-zh');
    await page.getByTestId('consumed-0').fill('1000');
    await page.getByTestId('process-save').click();
    await page.getByTestId('process-done').waitFor();
    const receipt = server.app.ledger.size - 2;
    const run = server.app.ledger.size - 1;

    await page.goto(`${server.url}/correct?seq=${receipt}`);
    await page.getByTestId('correct-reason').getByLabel('称重错误').check();
    await page.getByTestId('correct-save').click();
    await page.getByTestId('correct-conflict').waitFor();
    expect(await page.getByTestId('correct-problem').getAttribute('data-code')).toBe('CORRECTION_CONFLICT');
    expect(await page.getByTestId('correct-conflict').getByRole('link').getAttribute('href')).toBe(
      `/correct?seq=${run}`,
    );
    await shoot(page, 'correct');
    await page.getByTestId('correct-conflict').getByRole('link').click();
    await expect.poll(() => textOf(page.getByTestId('correct-entry'))).toContain(`记录 ${run}`);
    await page.getByTestId('correct-reason').getByLabel('称重错误').check();
    await page.getByTestId('correct-save').click();
    await page.getByTestId('correct-done').waitFor();
    await shoot(page, 'correct-done');
  });

  test('the camera is another source for the truckload: a label typed into the scanner is loaded, not dispatched', async ({
    e2e,
  }) => {
    const server = await e2e.startServer();
    const world = await truckWorld(server, false);
    const [lotA] = world.lots as [string, string];
    const { page, errors } = await e2e.openPage(server, '/dispatch', { viewport: PHONE, signedInAs: world.operator });
    await page.getByTestId('dispatch-to').selectOption('RC01');
    await page.getByTestId('camera-toggle').click();
    await page.getByTestId('scanner').waitFor();
    const size = server.app.ledger.size;
    const typed = page.getByTestId('scanner').getByLabel(/批次号、批次号加校验码，或标签网址/);
    await typed.fill(lotA);
    await typed.press('Enter');
    await expect.poll(() => page.getByTestId('dispatch-row').count()).toBe(1);
    expect(server.app.ledger.size).toBe(size);
    expect(page.url()).toBe(`${server.url}/dispatch`);
    expect(errors).toEqual([]);
    await saveScreenshot(page, 'dispatch-camera-phone-zh');
  });
});
