// The officials' anomaly list in a real browser: an operator types a label
// with a wrong digest into the scanner, which reports it; the official finds
// it on /anomalies (reached from the home tile) beside the melt-loss, yield,
// transit and hours anomalies of a small world, each with its reason in words,
// its lot links and its ledger entries; filters in the address; the CSV
// export downloads with a BOM; a threshold change applies. Screenshots at 360
// and 1440 px, Chinese and English: test-results/anomalies-*.png.
import { readFileSync } from 'node:fs';
import {
  dispatchLots,
  lifecycleDeps,
  receiveLots,
  recordCollection,
  recordProcessing,
  type TestServer,
} from '@alutrace/server/testing';
import { dispatchLotsInput, receiveLotsInput, recordCollectionInput, recordProcessingInput } from '@alutrace/shared';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { saveScreenshot } from './browser';
import { addSite, addUser, DESKTOP_WIDE, test, textOf } from './fixtures';

const NARROW = { width: 360, height: 780 };

interface World {
  operator: string;
  official: string;
  admin: string;
  /** A lot collected at 22:30 Beijing time, and its label's digest. */
  late: { lotId: string; digest: string };
  runSeq: number;
}

async function buildWorld(server: TestServer): Promise<World> {
  await addSite(server, 'PG01', 'collection_point', '平果回收站', 'Pingguo collection point');
  await addSite(server, 'RC01', 'recycler', '平果再生铝', 'Pingguo recycler');
  const op = await addUser(server, { username: 'li', displayName: '李磊', role: 'operator', sites: ['PG01'] });
  const rc = await addUser(server, { username: 'wang', displayName: '王强', role: 'recycler', sites: ['RC01'] });
  const off = await addUser(server, { username: 'zhou', displayName: '周敏', role: 'official' });
  const admin = await addUser(server, { username: 'root2', displayName: '管理员', role: 'admin' });
  const deps = lifecycleDeps(server.app);
  const as = (id: string) => ({ actor: { type: 'user' as const, id }, scope: `user:${id}`, isAdmin: false });
  const collect = (netG: number, occurredAt?: string) =>
    recordCollection(
      deps,
      as(op.id),
      recordCollectionInput.parse({
        site: 'PG01',
        grade: 'UBC',
        grossG: netG + 100_000,
        tareG: 100_000,
        deductionG: 0,
        netG,
        ...(occurredAt ? { occurredAt } : {}),
        sealed: { seller: { kind: 'individual', name: '李明', residentId: '451002198506151230' } },
      }),
    );
  // 22:30 Beijing time yesterday: outside the usual 06:00–20:00; the other one at noon.
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const late = (await collect(500_000, `${day}T14:30:00.000Z`)).lots[0] as { lotId: string; labelDigest: string };
  const sent = (await collect(1_000_000, `${day}T04:00:00.000Z`)).lots[0] as { lotId: string; massG: number };
  const dispatch = await dispatchLots(
    deps,
    as(op.id),
    dispatchLotsInput.parse({ site: 'PG01', to: 'RC01', lots: [{ lotId: sent.lotId, massG: 1_000_000 }] }),
  );
  // 950 kg of 1000 kg arrive: 5 % short, beyond the 1 % tolerance.
  await receiveLots(
    deps,
    as(rc.id),
    receiveLotsInput.parse({
      site: 'RC01',
      dispatchId: dispatch.dispatchId,
      lots: [{ lotId: sent.lotId, receivedG: 950_000 }],
    }),
  );
  // 950 kg in, 600 kg ingot and 50 kg dross out: 300 kg lost (31.6 %), yield 63.2 % below UBC's 80 %.
  const run = await recordProcessing(
    deps,
    as(rc.id),
    recordProcessingInput.parse({
      site: 'RC01',
      process: 'melting',
      inputs: [{ lotId: sent.lotId, consumedG: 950_000 }],
      outputs: [{ form: 'ingot', alloy: 'ADC12', massG: 600_000 }],
      byproducts: [{ kind: 'dross', massG: 50_000, hazardousWasteCode: 'HW48 321-026-48' }],
    }),
  );
  return {
    operator: op.id,
    official: off.id,
    admin: admin.id,
    late: { lotId: late.lotId, digest: late.labelDigest },
    runSeq: run.seq,
  };
}

async function toEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'English' }).click();
}

function wrongDigest(right: string): string {
  return right === 'aaaaaaaaaa' ? 'bbbbbbbbbb' : 'aaaaaaaaaa';
}

describe('the anomaly list', () => {
  test('a wrong digest typed into the scanner reaches the official’s list, with every other anomaly, in both languages', async ({
    e2e,
  }) => {
    const server = await e2e.startServer();
    const world = await buildWorld(server);

    // The operator types a copied label: the scanner warns, and reports it.
    const scan = await e2e.openPage(server, '/scan', { signedInAs: world.operator, viewport: NARROW });
    const field = scan.page.getByLabel('批次号、批次号加校验码，或标签网址');
    await field.fill(`${world.late.lotId} ${wrongDigest(world.late.digest)}`);
    await field.press('Enter');
    expect(await textOf(scan.page.getByTestId('scanner-not-taken'))).toContain(
      `标签校验码与批次 ${world.late.lotId} 在账本中的记录不符`,
    );
    const stored = () =>
      (server.app.db.$client.prepare('SELECT count(*) AS n FROM scan_mismatches').get() as { n: number }).n;
    await expect.poll(stored).toBe(1);

    // The official: home tile → the list.
    const { page, errors } = await e2e.openPage(server, '/home', { signedInAs: world.official, viewport: NARROW });
    await page.getByRole('link', { name: /异常清单/ }).click();
    await page.waitForURL(/\/anomalies$/);
    const items = page.getByTestId('anomaly-item');
    await expect.poll(() => items.count()).toBe(5);
    const kinds = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')).sort());
    expect(kinds).toEqual(
      ['high_melt_loss', 'label_digest_mismatch', 'outside_hours', 'transit_discrepancy', 'yield_out_of_band'].sort(),
    );
    const reasons = await page.getByTestId('anomaly-reason').allTextContents();
    expect(reasons.join('\n')).toContain('的作业损耗 31.6 %，超过阈值 20.0 %');
    expect(reasons.join('\n')).toContain(`批次 ${world.late.lotId} 的标签被扫描到 1 次校验码不符`);
    expect(reasons.join('\n')).toContain('发运 1000 kg，收货 950 kg');
    expect(reasons.join('\n')).toContain('于北京时间 22:30 回收登记');
    // No ID number anywhere on the page.
    expect(await page.content()).not.toContain('451002198506151230');
    // The run's entry opens in place.
    const melt = page.locator('[data-testid="anomaly-item"][data-kind="high_melt_loss"]');
    await melt.getByTestId('entry-peek').first().click();
    expect(await textOf(melt.getByTestId('entry-peek-body'))).toContain('processing.recorded');
    await saveScreenshot(page, 'anomalies-list-zh-360');
    await saveScreenshot(page, 'anomalies-top-zh-360', false);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    // A filter goes into the address, and keeps only its kind.
    await page.getByLabel('类别').selectOption('outside_hours');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/kind=outside_hours/);
    await expect.poll(() => items.count()).toBe(1);
    // Its lot link leads to the lot page.
    await items.first().getByTestId('anomaly-lot').click();
    await page.waitForURL(new RegExp(`/lots/${world.late.lotId}$`));
    await page.goBack();
    await expect.poll(() => items.count()).toBe(1);

    // The export downloads CSV with a BOM, with the reasons in both languages.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('anomaly-export').click()]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('outside_hours');
    expect(csv).toContain('不在站点营业时间');
    expect(csv).not.toContain('high_melt_loss');
    expect(errors).toEqual([]);
  }, 120_000);

  test('at 1440 px in English, and a threshold change applies', async ({ e2e }) => {
    const server = await e2e.startServer();
    const world = await buildWorld(server);
    const { page, errors } = await e2e.openPage(server, '/anomalies', {
      signedInAs: world.official,
      viewport: DESKTOP_WIDE,
    });
    await toEnglish(page);
    const items = page.getByTestId('anomaly-item');
    await expect.poll(() => items.count()).toBe(4);
    expect(await textOf(page.getByTestId('thresholds-source'))).toContain('Not set yet');
    await saveScreenshot(page, 'anomalies-list-en-1440');
    expect(await textOf(items.first())).toContain('The run that made RC01-');

    // A wrong value is named next to its field; nothing is written.
    const size = () =>
      (server.app.db.$client.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;
    const before = size();
    await page.getByLabel('Melt loss above (%)').fill('a lot');
    await page.getByLabel('Seller limit per day (kg or t)').fill('200t');
    await page.getByTestId('thresholds-save').click();
    const fieldErrors = await page.locator('.field-error').allTextContents();
    expect(fieldErrors).toEqual([
      'Write a percentage, e.g. 20 or 1.5',
      'The monthly limit cannot be below the daily one',
    ]);
    await saveScreenshot(page, 'anomalies-thresholds-error-en-1440');
    expect(size()).toBe(before);

    // Usual hours until 23:00: the 22:30 collection is no longer outside them.
    await page.getByLabel('Melt loss above (%)').fill('20');
    await page.getByLabel('Seller limit per day (kg or t)').fill('30t');
    await page.getByLabel('Usual hours until (Beijing time)').fill('23:00');
    await page.getByTestId('thresholds-save').click();
    await expect.poll(() => textOf(page.getByTestId('thresholds-saved'))).toContain('written to the ledger');
    expect(size()).toBe(before + 1);
    await expect.poll(() => items.count()).toBe(3);
    expect(await textOf(page.getByTestId('thresholds-source'))).toContain(`ledger entry ${before}`);
    expect(errors).toEqual([]);
  });

  test('an administrator sees the thresholds but not the list', async ({ e2e }) => {
    const server = await e2e.startServer();
    const world = await buildWorld(server);
    const { page, errors } = await e2e.openPage(server, '/anomalies', { signedInAs: world.admin, viewport: NARROW });
    await page.getByTestId('thresholds-card').waitFor();
    expect(await page.getByTestId('anomaly-item').count()).toBe(0);
    expect(await textOf(page.locator('.anomalies-page'))).toContain('异常清单供主管部门查看');
    expect(errors).toEqual([]);
  });
});
