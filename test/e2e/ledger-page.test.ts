// The ledger page in a real browser against a real server: what a person
// sees of the signed head, of a full verification (passing and failing),
// and of the language switch. Screenshots land in test-results/.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, test as base, describe, expect } from 'vitest';
import { sampleEntry } from '../../packages/server/src/testing/fixtures';
import { flipCanonicalByte } from '../../packages/server/src/testing/tamper';
import { startTestServer, type TestServer } from '../../packages/server/src/testing/test-server';
import { collectPageErrors, launchChromium, saveScreenshot } from './browser';

// One browser for the file. A fixture rather than beforeAll: without Chromium
// every test fails with the install command, instead of being reported as skipped.
const test = base.extend<{ browser: Browser }>({
  browser: [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'file' },
  ],
});

/** Servers and browser contexts opened by the running test, closed after it. */
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverWithEntries(count: number): Promise<TestServer> {
  const server = await startTestServer();
  cleanups.push(() => server.stop());
  if (count > 0) server.app.ledger.append(Array.from({ length: count }, (_, i) => sampleEntry(i)));
  return server;
}

async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  // A browser far from China: the page must still show times in China Standard Time.
  const context: BrowserContext = await browser.newContext({ viewport, timezoneId: 'America/New_York' });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(url);
  return { page, errors };
}

async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return (await locator.textContent())?.trim() ?? '';
}

/** The "HH:MM" of an instant in Asia/Shanghai, as Intl writes it in any locale with a 24-hour clock. */
function shanghaiHourMinute(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}

interface TrpcResult {
  result?: { data?: Record<string, unknown> };
}

/** Changes one character inside the Ed25519 signature of a note's last signature line (past the 4-byte key id). */
function alterSignature(note: string): string {
  const at = note.lastIndexOf(' ') + 1 + 20;
  return `${note.slice(0, at)}${note[at] === 'A' ? 'B' : 'A'}${note.slice(at + 1)}`;
}

describe('the ledger page', () => {
  test('shows the signed head checked in the browser, verifies the ledger, and switches to English', async ({
    browser,
  }) => {
    const server = await serverWithEntries(3);
    const head = server.app.ledger.head();
    const { page, errors } = await openPage(browser, server.url);

    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('账本');
    expect(await page.title()).toBe('账本 · 铝溯源');
    expect(await textOf(page.getByTestId('head-tree-size'))).toBe('3');
    expect(await textOf(page.getByTestId('head-note'))).toContain(`alutrace.local/ledger\n3\n`);
    expect(await textOf(page.locator('[data-testid="signature-status"][data-valid="true"]'))).toContain('签名有效');
    expect(await textOf(page.locator('time').first())).toContain(shanghaiHourMinute(head?.createdAt ?? ''));
    expect(await textOf(page.getByTestId('ledger-origin'))).toContain('alutrace.local/ledger');

    // Newest first, and a row opens onto the whole entry.
    const rows = page.getByTestId('entries-list').locator('li.entry');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-seq')))).toEqual(['2', '1', '0']);
    expect(await rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-intact')))).toEqual([
      'true',
      'true',
      'true',
    ]);
    await rows.last().locator('summary').click();
    expect(await textOf(rows.last().locator('pre'))).toContain('"lotId": "PG01-261128-0000"');
    expect(await textOf(rows.last().locator('.hash-check'))).toContain('与存储的一致');

    await page.getByRole('button', { name: '校验账本' }).click();
    const result = page.locator('[data-testid="verify-result"][data-ok="true"]');
    expect(await textOf(result)).toContain('校验通过');
    expect(await textOf(page.getByTestId('verify-entries-checked'))).toBe('3');
    await saveScreenshot(page, 'ledger-page-zh');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1, name: 'Ledger' }))).toBe('Ledger');
    expect(await textOf(page.getByTestId('signature-status'))).toContain('Signature valid');
    expect(await textOf(result)).toContain('Verified: the ledger is intact');
    expect(await page.title()).toBe('Ledger · alutrace');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await saveScreenshot(page, 'ledger-page-en');

    // The choice outlives a reload.
    await page.reload();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Ledger');

    expect(errors).toEqual([]);
  });

  test('older entries load on request, continuing newest first (on a phone-sized screen)', async ({ browser }) => {
    const server = await serverWithEntries(30);
    const { page, errors } = await openPage(browser, server.url, { width: 390, height: 844 });
    const rows = page.getByTestId('entries-list').locator('li.entry');
    const seqs = (): Promise<string[]> => rows.evaluateAll((items) => items.map((li) => li.dataset.seq ?? ''));

    await rows.first().waitFor();
    expect(await textOf(page.getByTestId('entries-total'))).toBe('共 30 条，最新的在前');
    expect(await seqs()).toEqual(Array.from({ length: 25 }, (_, i) => String(29 - i)));

    await page.getByRole('heading', { level: 2, name: '记录' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'ledger-page-phone', false);

    await page.getByRole('button', { name: '加载更早的记录' }).click();
    await page.getByText('已显示全部记录。').waitFor();
    expect(await seqs()).toEqual(Array.from({ length: 30 }, (_, i) => String(29 - i)));
    expect(errors).toEqual([]);
  });

  test('an entry altered in the database makes verification fail, naming the check and the entry', async ({
    browser,
  }) => {
    const server = await serverWithEntries(4);
    // An attacker with the sqlite3 shell raises the net mass of entry 1. Flipping
    // its second digit keeps the entry valid JSON, so only the hashes can tell.
    const sqlite = server.app.db.$client;
    const row = sqlite.prepare('SELECT canonical FROM ledger_entries WHERE seq = 1').get() as { canonical: Buffer };
    flipCanonicalByte(sqlite, 1, row.canonical.indexOf('"netG":') + '"netG":'.length + 1);

    const { page, errors } = await openPage(browser, server.url);
    // The signed checkpoint itself is intact: its signature still verifies.
    await page.locator('[data-testid="signature-status"][data-valid="true"]').waitFor();
    await page.getByRole('button', { name: '校验账本' }).click();

    const result = page.locator('[data-testid="verify-result"][data-ok="false"]');
    expect(await textOf(result)).toContain('校验失败');
    expect(await textOf(page.getByTestId('verify-failure-code'))).toBe('LEAF_HASH_MISMATCH');
    expect(await textOf(page.getByTestId('verify-failure-seq'))).toBe('1');
    expect(await textOf(page.getByTestId('verify-failure-message'))).toBe(
      '第 1 条记录的存储内容与其叶哈希不符：记录已被改动',
    );

    // The browser's own check of the listed entries points at the same one.
    const altered = page.locator('li.entry[data-intact="false"]');
    expect(await altered.evaluateAll((items) => items.map((li) => li.getAttribute('data-seq')))).toEqual(['1']);
    await altered.locator('summary').click();
    expect(await textOf(altered.locator('.hash-check'))).toContain('这条记录写入后被改动过');
    await saveScreenshot(page, 'ledger-page-verify-failed-zh');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await textOf(page.getByTestId('verify-failure-message'))).toBe(
      'The stored bytes of entry 1 do not hash to its stored leaf hash: the entry was altered',
    );
    expect(errors).toEqual([]);
  });

  test('a checkpoint whose signature was altered on the way to the browser is shown as not valid', async ({
    browser,
  }) => {
    const server = await serverWithEntries(2);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    // Stands in for a compromised server or proxy: the head's signature is changed in the response.
    await page.route('**/trpc/**', async (route) => {
      const response = await route.fetch();
      const results = [(await response.json()) as TrpcResult | TrpcResult[]].flat();
      for (const result of results) {
        const data = result.result?.data;
        if (typeof data?.note === 'string' && 'verifierKey' in data) data.note = alterSignature(data.note);
      }
      await route.fulfill({ response, json: results });
    });
    await page.goto(server.url);

    const status = page.locator('[data-testid="signature-status"][data-valid="false"]');
    expect(await textOf(status)).toContain('签名无效');
    expect(await textOf(status)).toContain('检查点的签名与其内容不符');
  });

  test('when the API cannot be reached, each part of the page says so and offers to try again', async ({ browser }) => {
    const server = await serverWithEntries(1);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    await page.route('**/trpc/**', (route) => route.abort('connectionrefused'));
    await page.goto(server.url);

    const notices = page.getByRole('alert');
    await notices.first().waitFor();
    expect(await textOf(notices.first())).toContain('无法连接服务器');
    await page.getByRole('button', { name: '校验账本' }).click();
    // The head, the entries and the verification: each failed on its own, each with its own retry.
    await notices.nth(2).waitFor();
    expect(await page.getByRole('button', { name: '重试' }).count()).toBe(3);
    await saveScreenshot(page, 'ledger-page-unreachable-zh');
  });

  test('an empty ledger says so, on a phone-sized screen too', async ({ browser }) => {
    const server = await serverWithEntries(0);
    const { page, errors } = await openPage(browser, `${server.url}/ledger`, { width: 390, height: 844 });

    expect(await textOf(page.getByTestId('head-tree-size'))).toBe('0');
    await page.locator('[data-testid="signature-status"][data-valid="true"]').waitFor();
    expect(await textOf(page.getByTestId('entries-empty'))).toBe('账本中还没有记录。');
    await saveScreenshot(page, 'ledger-page-empty-phone');
    expect(errors).toEqual([]);
  });

  test('an unknown address shows the not-found page inside the app', async ({ browser }) => {
    const server = await serverWithEntries(0);
    const { page } = await openPage(browser, `${server.url}/no/such/page`);

    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('页面不存在');
    expect(await page.title()).toBe('页面不存在 · 铝溯源');
    await page.getByRole('link', { name: '返回账本' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('账本');
  });
});
