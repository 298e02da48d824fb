// The label scanner (/scan) in a real browser with Chromium's fake camera
// playing a clip of a real lot's label: the lot is listed once however many
// frames show it, a label whose digest is not the lot's is warned about and
// not listed, the decoder's WebAssembly comes from our own server, and a
// person without a camera types the label in. Screenshots: test-results/scanner-*.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createSite,
  createUser,
  lifecycleDeps,
  recordCollection,
  startTestServer,
  systemActor,
  type TestServer,
} from '@alutrace/server/testing';
import { labelUrl, recordCollectionInput } from '@alutrace/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, saveScreenshot } from './browser';
import { PASSWORD, PHONE, signInWithCookie, textOf } from './fixtures';
import { writeQrClip } from './qr-clip';

let server: TestServer;
let clipDir: string;
let operatorId: string;
const browsers: Browser[] = [];
/** Two collection lots at PG01: 1000 kg and 500 kg. */
const lots: { lotId: string; digest: string }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  clipDir = mkdtempSync(join(tmpdir(), 'alutrace-clips-'));
  const cli = systemActor('cli');
  await createSite(server.app, cli, {
    code: 'PG01',
    kind: 'collection_point',
    nameZh: '平果回收站',
    nameEn: 'Pingguo',
  });
  const { user } = await createUser(
    server.app,
    cli,
    { username: 'li', displayName: '李磊', role: 'operator', sites: ['PG01'], password: PASSWORD },
    { passwordIsFinal: true },
  );
  operatorId = user.id;
  const caller = { actor: { type: 'user' as const, id: user.id }, scope: `user:${user.id}`, isAdmin: false };
  for (const netG of [1_000_000, 500_000]) {
    const recorded = await recordCollection(
      lifecycleDeps(server.app),
      caller,
      recordCollectionInput.parse({
        site: 'PG01',
        grade: 'UBC',
        grossG: netG + 100_000,
        tareG: 100_000,
        deductionG: 0,
        netG,
        sealed: { seller: { kind: 'individual', name: '李明', residentId: '451002198506151230' } },
      }),
    );
    const lot = recorded.lots[0];
    if (!lot) throw new Error('the collection created no lot');
    lots.push({ lotId: lot.lotId, digest: lot.labelDigest });
  }
}, 60_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.stop();
  if (clipDir) rmSync(clipDir, { recursive: true, force: true });
});

function lot(i: number): { lotId: string; digest: string } {
  const found = lots[i];
  if (!found) throw new Error(`no lot ${i}`);
  return found;
}

/** Chromium's fake camera playing `clip`, its permission prompt answered yes. */
const fakeCamera = (clip: string): string[] => [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${clip}`,
];

interface ScanPage {
  page: Page;
  errors: string[];
  requests: string[];
  /** The Content-Type of each answer, by URL. */
  types: Map<string, string>;
}

/** /scan on a phone, signed in as the operator, in a Chromium of its own (the camera is a launch flag). */
async function openScanPage(args: string[], grantCamera: boolean): Promise<ScanPage> {
  const browser = await launchChromium(args);
  browsers.push(browser);
  const context = await browser.newContext({ viewport: PHONE, timezoneId: 'America/New_York' });
  if (grantCamera) await context.grantPermissions(['camera'], { origin: server.url });
  await signInWithCookie(context, server, operatorId);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const requests: string[] = [];
  const types = new Map<string, string>();
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => types.set(response.url(), response.headers()['content-type'] ?? ''));
  await page.goto(`${server.url}/scan`);
  return { page, errors, requests, types };
}

describe('scanning lot labels', () => {
  it('lists a lot held up to the camera once, however many frames show it, with the decoder served by our server', async () => {
    const { lotId, digest } = lot(0);
    const clip = join(clipDir, 'label.y4m');
    writeQrClip(clip, labelUrl(server.url, lotId, digest));
    const { page, errors, requests, types } = await openScanPage(fakeCamera(clip), true);

    const rows = page.getByTestId('scanned-lot');
    await rows.first().waitFor({ timeout: 20_000 });
    expect(await textOf(rows.first())).toContain(lotId);
    await expect
      .poll(() => page.getByTestId('scanner-last').locator('[data-outcome]').getAttribute('data-outcome'))
      .toBe('accepted');
    // The clip keeps playing: about a dozen more reads of the same label.
    await page.waitForTimeout(2_000);
    expect(await rows.count()).toBe(1);
    expect(await textOf(page.getByTestId('scanned-summary'))).toBe('共 1 个批次，余量合计 1000 kg');
    expect(await page.getByTestId('scanner').getAttribute('data-camera')).toBe('scanning');

    const wasm = requests.filter((url) => url.endsWith('.wasm'));
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(new RegExp(`^${server.url}/assets/zxing_reader-[\\w-]+\\.wasm$`));
    // The type WebAssembly.instantiateStreaming requires (otherwise the module is compiled the slow way).
    expect(types.get(wasm[0] as string)).toBe('application/wasm');
    expect(requests.filter((url) => !url.startsWith(server.url) && !/^(data|blob):/.test(url))).toEqual([]);
    expect(errors).toEqual([]);
    await saveScreenshot(page, 'scanner-accepted');

    // A screen that does not scan fetches neither the scanner, nor the decoder, nor its WebAssembly.
    const other = await page.context().newPage();
    const fetched: string[] = [];
    other.on('request', (request) => fetched.push(request.url()));
    await other.goto(`${server.url}/ledger`);
    await other.getByRole('heading', { level: 1 }).waitFor();
    expect(fetched.filter((url) => /\/assets\/(scanner|zxing)/.test(url))).toEqual([]);
    expect(requests.filter((url) => /\/assets\/zxing-[\w-]+\.js$/.test(url))).toHaveLength(1);
  });

  it('warns on the spot about a label whose digest is not the lot’s, and does not list the lot', async () => {
    const { lotId, digest } = lot(0);
    const wrong = `${digest[0] === 'a' ? 'b' : 'a'}${digest.slice(1)}`;
    const clip = join(clipDir, 'copied-label.y4m');
    writeQrClip(clip, labelUrl(server.url, lotId, wrong));
    const { page, errors } = await openScanPage(fakeCamera(clip), true);

    const notTaken = page.getByTestId('scanner-not-taken');
    await notTaken.waitFor({ timeout: 20_000 });
    expect(await notTaken.locator('[data-outcome]').getAttribute('data-outcome')).toBe('warning');
    expect(await textOf(notTaken)).toContain(`标签校验码与批次 ${lotId} 在账本中的记录不符`);
    await page.waitForTimeout(1_500);
    expect(await notTaken.locator('li').count()).toBe(1);
    expect(await page.getByTestId('scanned-lot').count()).toBe(0);
    expect(await textOf(page.getByTestId('scanned-lots'))).toContain('还没有扫到批次');
    expect(errors).toEqual([]);
    await saveScreenshot(page, 'scanner-digest-warning');
  });

  it('without camera permission says so, and takes the label typed in: a lot id, an id with its digest, a URL', async () => {
    // A camera, but the permission prompt is not answered yes.
    const { page, errors } = await openScanPage(['--use-fake-device-for-media-stream'], false);
    const problem = page.getByTestId('scanner-problem');
    expect(await textOf(problem)).toContain('浏览器没有得到相机权限');
    await saveScreenshot(page, 'scanner-denied');

    const field = page.getByLabel('批次号、批次号加校验码，或标签网址');
    const add = page.getByRole('button', { name: '添加' });
    const rows = page.getByTestId('scanned-lot');

    await field.fill('not a label');
    await add.click();
    expect(await textOf(page.locator('.field-error'))).toContain('这不是批次号或本系统的标签');

    await field.fill(lot(1).lotId.toLowerCase());
    await add.click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await textOf(rows.first())).toContain('未核对校验码');

    await field.fill(`${lot(0).lotId} ${lot(0).digest}`);
    await field.press('Enter');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await textOf(page.getByTestId('scanned-summary'))).toBe('共 2 个批次，余量合计 1500 kg');

    // The second lot again, as its label URL: already listed, so not listed twice.
    await field.fill(labelUrl(server.url, lot(1).lotId, lot(1).digest));
    await add.click();
    expect(await textOf(page.getByTestId('scanner-last'))).toContain(`批次 ${lot(1).lotId} 已经扫过了`);
    expect(await rows.count()).toBe(2);

    // A lot that does not exist is refused with the server's reason.
    await field.fill('PG01-200101-0999');
    await add.click();
    await expect.poll(() => textOf(page.getByTestId('scanner-not-taken'))).toContain('不存在批次 PG01-200101-0999');
    // Chromium logs the lots.get answer for the unknown lot (a 404) as a console error: that one is expected.
    expect(errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    await saveScreenshot(page, 'scanner-manual');
  });
});
