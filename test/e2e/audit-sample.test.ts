// The officials' sample page in a real browser: reached from the official's
// home, the form drawn at the newest signed checkpoint, the lots listed with
// the seed explained and checked in the browser; the command line the page
// shows, run on the server's data directory, gives exactly the same lots.
import {
  callerOf,
  createSite,
  createUser,
  lifecycleDeps,
  recordCollection,
  systemActor,
} from '@alutrace/server/testing';
import { type AuditSampleView, recordCollectionInput } from '@alutrace/shared';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { cli } from '../cli/run-cli';
import { saveScreenshot } from './browser';
import { addUser, DESKTOP, PHONE, test, textOf } from './fixtures';
import { recordPassportWorld } from './passport-world';

async function listedLots(page: Page): Promise<string[]> {
  await page.getByTestId('sample-lots').waitFor();
  return page.getByTestId('sampled-lot').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lot') ?? ''));
}

/** Runs the command the page shows, with --json on the server's data directory. */
async function runShownCommand(page: Page, dataDir: string): Promise<AuditSampleView> {
  const shown = await textOf(page.getByTestId('sample-command'));
  expect(shown.startsWith('pnpm alutrace sample ')).toBe(true);
  const args = shown.replace(/^pnpm alutrace /, '').split(/\s+/);
  const r = await cli([...args, '--json', '--data-dir', dataDir]);
  expect(r.code, r.err || r.out).toBe(0);
  return JSON.parse(r.out) as AuditSampleView;
}

describe('the sample page', () => {
  test('draws from the newest checkpoint; the command it shows draws the same lots', async ({ e2e }) => {
    const server = await e2e.startServer();
    await recordPassportWorld(server);
    // More lots at a second collection point, so that two strata have more lots than are drawn.
    const { app } = server;
    await createSite(app, systemActor('cli'), {
      code: 'PG02',
      kind: 'collection_point',
      nameZh: '德保回收站',
      nameEn: 'Debao collection point',
    });
    const { user } = await createUser(
      app,
      systemActor('cli'),
      {
        username: 'op2',
        displayName: 'op2',
        role: 'operator',
        sites: ['PG02'],
        password: 'correct horse battery staple',
      },
      { passwordIsFinal: true },
    );
    const op2 = callerOf({ ...user, kind: 'user', sites: ['PG02'], mustChangePassword: false, sessionId: null });
    for (let i = 0; i < 6; i++) {
      await recordCollection(
        lifecycleDeps(app),
        op2,
        recordCollectionInput.parse({
          site: 'PG02',
          grade: 'UBC',
          grossG: 300_000 + i * 1000,
          tareG: 100_000,
          deductionG: 0,
          netG: 200_000 + i * 1000,
          sealed: { seller: { kind: 'individual', name: '黄伟', residentId: '451002198506151230' } },
        }),
      );
    }
    const official = await addUser(server, { username: 'gov', role: 'official' });
    const { page, errors } = await e2e.openPage(server, '/home', { viewport: DESKTOP, signedInAs: official.id });
    await page.getByRole('link', { name: /抽样检查/ }).click();
    await page.getByTestId('sample-form').waitFor();
    await page.getByTestId('sample-count').fill('2');
    await page.getByTestId('sample-strata').selectOption('site');
    await page.getByTestId('sample-kinds').getByLabel('废料').check();
    await page.getByRole('button', { name: '抽样' }).click();
    const lots = await listedLots(page);
    expect(await textOf(page.getByTestId('sample-rechecked'))).toContain('已在本浏览器中复核');
    const head = app.ledger.head()?.treeSize as number;
    expect(await page.getByTestId('sample-checkpoint').inputValue()).toBe(String(head));
    expect(await textOf(page.getByTestId('sample-command'))).toBe(
      `pnpm alutrace sample --checkpoint ${head} --count 2 --kind scrap --strata site`,
    );
    // PG01: its 2 collections, both drawn; PG02: 2 of 6.
    expect(await textOf(page.getByTestId('stratum-PG01'))).toContain('PG01：抽取 2 / 2');
    expect(await textOf(page.getByTestId('stratum-PG02'))).toContain('PG02：抽取 2 / 6');
    const line = await runShownCommand(page, server.dataDir);
    expect(line.strata.flatMap((s) => s.lots.map((l) => l.lotId))).toEqual(lots);
    expect(await textOf(page.getByTestId('sample-seed-hex'))).toBe(line.seed);
    await saveScreenshot(page, 'audit-sample-zh-1280');

    // The address holds the parameters: opened again, in English at phone width, the same lots.
    const url = page.url();
    const { page: phone } = await e2e.openPage(server, url.slice(server.url.length), {
      viewport: PHONE,
      signedInAs: official.id,
      beforeLoad: (p) => p.addInitScript(() => localStorage.setItem('alutrace.language', 'en')),
    });
    await phone.getByRole('heading', { name: 'Sample for inspection' }).waitFor();
    expect(await listedLots(phone)).toEqual(lots);
    await saveScreenshot(phone, 'audit-sample-390');
    expect(errors).toEqual([]);
  });

  test('a count out of range is said next to the field; an older checkpoint draws its own sample', async ({ e2e }) => {
    const server = await e2e.startServer();
    await recordPassportWorld(server);
    const older = server.app.ledger.head()?.treeSize as number;
    // Another checkpoint after more entries.
    await createSite(server.app, systemActor('cli'), {
      code: 'PG03',
      kind: 'collection_point',
      nameZh: '靖西回收站',
      nameEn: 'Jingxi collection point',
    });
    const official = await addUser(server, { username: 'gov', role: 'official' });
    const { page } = await e2e.openPage(server, '/audit/sample', { viewport: PHONE, signedInAs: official.id });
    await page.getByTestId('sample-count').fill('0');
    await page.getByRole('button', { name: '抽样' }).click();
    expect(await textOf(page.locator('.field-error').first())).toBe('请输入 1 到 500 之间的整数。');
    await saveScreenshot(page, 'audit-sample-count-error-zh-390');
    await page.getByTestId('sample-count').fill('3');
    await page.getByTestId('sample-strata').selectOption('none');
    // A tree size typed by hand that no checkpoint was signed at: the server's refusal, next to the field.
    await page.getByTestId('sample-checkpoint').selectOption('other');
    await page.getByTestId('sample-tree-size').fill(String(older + 1000));
    await page.getByRole('button', { name: '抽样' }).click();
    await expect
      .poll(() => page.locator('.field-error').first().textContent())
      .toContain(`没有树大小为 ${older + 1000} 的签名检查点`);
    await saveScreenshot(page, 'audit-sample-unknown-checkpoint-zh-390');
    await page.getByTestId('sample-checkpoint').selectOption(String(older));
    await page.getByRole('button', { name: '抽样' }).click();
    const lots = await listedLots(page);
    const line = await runShownCommand(page, server.dataDir);
    expect(line.checkpoint.treeSize).toBe(older);
    expect(line.strata.flatMap((s) => s.lots.map((l) => l.lotId))).toEqual(lots);
    expect(lots).toHaveLength(3);
  });
});
