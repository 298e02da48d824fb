// The ledger page in a real browser against a real server: what a person
// sees of the signed head, of the entries they may read, of a full
// verification (passing and failing), and of the language switch.
// Screenshots land in test-results/.

import type { TestServer } from '@alutrace/server/testing';
import { createSite, flipCanonicalByte, sampleEntry } from '@alutrace/server/testing';
import { describe, expect } from 'vitest';
import { saveScreenshot } from './browser';
import { addSite, addUser, DESKTOP_WIDE, type E2e, PASSWORD, PHONE, signInThroughForm, test, textOf } from './fixtures';

/**
 * What a new installation records on first start before anyone acts: the
 * first-run administrator (seq 0), the seeded catalogue, 21 grades and 9
 * alloys (seqs 1–30; packages/server/src/domain/reference/seed-catalogue.ts),
 * and version 1 of the emission factors (seq 31; reports/emission-factors.ts).
 */
const FIRST_RUN_ENTRIES = 32;
const LAST_CATALOGUE_SEQ = 30;
const EMISSION_FACTORS_SEQ = 31;

/**
 * A server with an official (who may read and verify everything) and `count`
 * sample entries after the first-run entries and the official's `user.created`.
 */
async function serverWithEntries(e2e: E2e, count: number): Promise<{ server: TestServer; officialId: string }> {
  const server = await e2e.startServer();
  const official = await addUser(server, { username: 'zhou', displayName: '周审核', role: 'official' });
  if (count > 0) server.app.ledger.append(Array.from({ length: count }, (_, i) => sampleEntry(i)));
  return { server, officialId: official.id };
}

const FIRST_SAMPLE_SEQ = FIRST_RUN_ENTRIES + 1;

/** Seqs from the newest down, as the list shows them (a page holds 25). */
const newestFirst = (size: number, shown = Math.min(size, 25)): string[] =>
  Array.from({ length: shown }, (_, i) => String(size - 1 - i));

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
  test('an official signs in from the page, sees every entry newest first, verifies the ledger, and switches to English', async ({
    e2e,
  }) => {
    const { server } = await serverWithEntries(e2e, 3);
    const head = server.app.ledger.head();
    const { page, errors } = await e2e.openPage(server, '/');

    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('账本');
    expect(await page.title()).toBe('账本 · 铝溯源');
    const size = FIRST_SAMPLE_SEQ + 3;
    expect(await textOf(page.getByTestId('head-tree-size'))).toBe(String(size));
    expect(await textOf(page.getByTestId('head-note'))).toContain(`alutrace.local/ledger\n${size}\n`);
    expect(await textOf(page.locator('[data-testid="signature-status"][data-valid="true"]'))).toContain('签名有效');
    expect(await textOf(page.locator('time').first())).toContain(shanghaiHourMinute(head?.createdAt ?? ''));
    expect(await textOf(page.getByTestId('ledger-origin'))).toContain('alutrace.local/ledger');

    // Signed out, the entries ask for a sign-in that comes back here.
    await page.getByTestId('entries-card').getByRole('link', { name: '登录' }).click();
    await page.waitForURL(/\/login\?next=%2F$/);
    await signInThroughForm(page, 'zhou', PASSWORD);
    await page.waitForURL(`${server.url}/`);
    expect(await textOf(page.getByTestId('account-menu').locator('summary'))).toContain('周审核');
    expect(await textOf(page.getByTestId('account-menu').locator('summary'))).toContain('主管部门 · 全部站点');

    // Newest first, every site's entries, and a row opens onto the whole entry.
    const rows = page.getByTestId('entries-list').locator('li.entry');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-seq')))).toEqual(
      newestFirst(size),
    );
    expect(await rows.evaluateAll((items) => items.map((li) => li.getAttribute('data-intact')))).toEqual(
      Array(25).fill('true'),
    );
    const firstSample = page.locator(`li.entry[data-seq="${FIRST_SAMPLE_SEQ}"]`);
    await firstSample.locator('summary').click();
    expect(await textOf(firstSample.locator('pre'))).toContain('"lotId": "PG01-261128-0000"');
    expect(await textOf(firstSample.locator('.hash-check'))).toContain('与存储的一致');

    await page.getByRole('button', { name: '校验账本' }).click();
    const result = page.locator('[data-testid="verify-result"][data-ok="true"]');
    expect(await textOf(result)).toContain('校验通过');
    expect(await textOf(page.getByTestId('verify-entries-checked'))).toBe(String(size));
    await saveScreenshot(page, 'ledger-page-zh');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1, name: 'Ledger' }))).toBe('Ledger');
    expect(await textOf(page.getByTestId('signature-status'))).toContain('Signature valid');
    expect(await textOf(result)).toContain('Verified: the ledger is intact');
    expect(await textOf(page.getByTestId('account-menu').locator('summary'))).toContain('Official · All sites');
    expect(await page.title()).toBe('Ledger · alutrace');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await saveScreenshot(page, 'ledger-page-en');

    // The choice outlives a reload, and so does the session.
    await page.reload();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Ledger');
    await rows.first().waitFor();

    expect(errors).toEqual([]);
  });

  test('older entries load on request, continuing newest first (on a phone-sized screen)', async ({ e2e }) => {
    const { server, officialId } = await serverWithEntries(e2e, 30);
    const { page, errors } = await e2e.openPage(server, '/', { viewport: PHONE, signedInAs: officialId });
    const rows = page.getByTestId('entries-list').locator('li.entry');
    const seqs = (): Promise<string[]> => rows.evaluateAll((items) => items.map((li) => li.dataset.seq ?? ''));

    await rows.first().waitFor();
    const size = FIRST_SAMPLE_SEQ + 30;
    expect(await textOf(page.getByTestId('entries-total'))).toBe(`共 ${size} 条，最新的在前`);
    expect(await seqs()).toEqual(newestFirst(size));

    await page.getByRole('heading', { level: 2, name: '记录' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'ledger-page-phone', false);

    // A page at a time, until the oldest entry is there.
    for (let shown = 25; shown < size; shown += 25) {
      await page.getByRole('button', { name: '加载更早的记录' }).click();
      await rows.nth(Math.min(shown + 25, size) - 1).waitFor();
    }
    await page.getByText('已显示全部记录。').waitFor();
    expect(await seqs()).toEqual(newestFirst(size, size));
    expect(errors).toEqual([]);
  });

  test("an operator sees only their own sites' entries, one site at a time, and learns who may verify", async ({
    e2e,
  }) => {
    const server = await e2e.startServer();
    await addSite(server, 'PG01', 'collection_point', '平果回收站', 'Pingguo collection point');
    await addSite(server, 'PG02', 'collection_point', '德保回收站', 'Debao collection point');
    await addSite(server, 'RC01', 'recycler', '平果再生铝', 'Pingguo recycler');
    const li = await addUser(server, {
      username: 'li',
      displayName: '李明',
      role: 'operator',
      sites: ['PG01', 'PG02'],
    });
    server.app.ledger.append([sampleEntry(0, 'PG01'), sampleEntry(1, 'PG02'), sampleEntry(2, 'RC01')]);
    const { page, errors } = await e2e.openPage(server, '/ledger', { signedInAs: li.id });

    const rows = page.getByTestId('entries-list').locator('li.entry');
    const sitesShown = (): Promise<string[]> =>
      rows.evaluateAll((items) => items.map((li) => li.querySelector('[data-label="站点"]')?.textContent ?? ''));
    await rows.first().waitFor();
    // PG01's creation and its collection; nothing of PG02 or RC01.
    expect(await sitesShown()).toEqual(['PG01', 'PG01']);
    expect(await textOf(page.getByTestId('entries-total'))).toBe('站点 PG01 的记录，最新的在前');

    await page.getByTestId('site-picker').selectOption('PG02');
    await page.getByText('站点 PG02 的记录，最新的在前').waitFor();
    expect(await sitesShown()).toEqual(['PG02', 'PG02']);
    expect(page.url()).toBe(`${server.url}/ledger?site=PG02`);

    // No verification, no admin area: said, not offered.
    expect(await page.getByRole('button', { name: '校验账本' }).count()).toBe(0);
    expect(await textOf(page.getByTestId('verify-not-allowed'))).toBe(
      '只有主管部门和管理员可以运行完整校验。您的角色（回收站点操作员）可以查看上方由浏览器完成的检查点签名校验。',
    );
    // The operator's own screens and the ledger, never the admin area.
    const nav = await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents();
    expect(nav).toContain('账本');
    expect(nav).not.toContain('管理');
    await page.getByTestId('account-menu').locator('summary').click();
    expect(await page.getByTestId('account-sites').locator('li').allTextContents()).toEqual([
      'PG01 平果回收站',
      'PG02 德保回收站',
    ]);
    await saveScreenshot(page, 'ledger-page-operator-zh');
    expect(errors).toEqual([]);
  });

  test('an entry altered in the database makes verification fail, naming the check and the entry', async ({ e2e }) => {
    const { server, officialId } = await serverWithEntries(e2e, 4);
    const altered = FIRST_SAMPLE_SEQ + 1;
    // An attacker with the sqlite3 shell raises the net mass of an entry. Flipping
    // its second digit keeps the entry valid JSON, so only the hashes can tell.
    const sqlite = server.app.db.$client;
    const row = sqlite.prepare('SELECT canonical FROM ledger_entries WHERE seq = ?').get(altered) as {
      canonical: Buffer;
    };
    flipCanonicalByte(sqlite, altered, row.canonical.indexOf('"netG":') + '"netG":'.length + 1);

    const { page, errors } = await e2e.openPage(server, '/', { signedInAs: officialId });
    // The signed checkpoint itself is intact: its signature still verifies.
    await page.locator('[data-testid="signature-status"][data-valid="true"]').waitFor();
    await page.getByRole('button', { name: '校验账本' }).click();

    const result = page.locator('[data-testid="verify-result"][data-ok="false"]');
    expect(await textOf(result)).toContain('校验失败');
    expect(await textOf(page.getByTestId('verify-failure-code'))).toBe('LEAF_HASH_MISMATCH');
    expect(await textOf(page.getByTestId('verify-failure-seq'))).toBe(String(altered));
    expect(await textOf(page.getByTestId('verify-failure-message'))).toBe(
      `第 ${altered} 条记录的存储内容与其叶哈希不符：记录已被改动`,
    );

    // The browser's own check of the listed entries points at the same one.
    const marked = page.locator('li.entry[data-intact="false"]');
    expect(await marked.evaluateAll((items) => items.map((li) => li.getAttribute('data-seq')))).toEqual([
      String(altered),
    ]);
    await marked.locator('summary').click();
    expect(await textOf(marked.locator('.hash-check'))).toContain('这条记录写入后被改动过');
    await saveScreenshot(page, 'ledger-page-verify-failed-zh');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await textOf(page.getByTestId('verify-failure-message'))).toBe(
      `The stored bytes of entry ${altered} do not hash to its stored leaf hash: the entry was altered`,
    );
    expect(errors).toEqual([]);
  });

  test('a checkpoint whose signature was altered on the way to the browser is shown as not valid', async ({ e2e }) => {
    const { server } = await serverWithEntries(e2e, 2);
    const { page } = await e2e.openPage(server, '/', {
      // Stands in for a compromised server or proxy: the head's signature is changed in the response.
      beforeLoad: (page) =>
        page.route('**/trpc/**', async (route) => {
          const response = await route.fetch();
          const results = [(await response.json()) as TrpcResult | TrpcResult[]].flat();
          for (const result of results) {
            const data = result.result?.data;
            if (typeof data?.note === 'string' && 'verifierKey' in data) data.note = alterSignature(data.note);
          }
          await route.fulfill({ response, json: results });
        }),
    });

    const status = page.locator('[data-testid="signature-status"][data-valid="false"]');
    expect(await textOf(status)).toContain('签名无效');
    expect(await textOf(status)).toContain('检查点的签名与其内容不符');
  });

  test('when the API cannot be reached, each part of the page says so and offers to try again', async ({ e2e }) => {
    const { server } = await serverWithEntries(e2e, 1);
    const { page } = await e2e.openPage(server, '/', {
      beforeLoad: (page) => page.route('**/trpc/**', (route) => route.abort('connectionrefused')),
    });

    // The head, and who is signed in (which the entries and the verification depend on): each with its own retry.
    const notices = page.getByRole('alert');
    await notices.nth(2).waitFor();
    expect(await textOf(notices.first())).toContain('无法连接服务器');
    expect(await page.getByRole('button', { name: '重试' }).count()).toBe(3);
    await saveScreenshot(page, 'ledger-page-unreachable-zh');

    // Once the server answers again, "try again" brings the page back.
    await page.unroute('**/trpc/**');
    await page.getByRole('button', { name: '重试' }).first().click();
    await page.getByTestId('head-tree-size').waitFor();
  });

  test('a signed-out visitor sees the signed head checked in the browser, and is asked to sign in for the rest (phone)', async ({
    e2e,
  }) => {
    const server = await e2e.startServer();
    const { page, errors } = await e2e.openPage(server, '/ledger', { viewport: PHONE });

    // The first-run entries only: the administrator's account and the catalogue.
    expect(await textOf(page.getByTestId('head-tree-size'))).toBe(String(FIRST_RUN_ENTRIES));
    await page.locator('[data-testid="signature-status"][data-valid="true"]').waitFor();
    expect(await textOf(page.getByTestId('entries-card').getByTestId('sign-in-prompt'))).toContain(
      '登录后可查看账本记录',
    );
    expect(await textOf(page.getByTestId('verify-panel').getByTestId('sign-in-prompt'))).toContain(
      '主管部门和管理员登录后可以在此运行完整校验',
    );
    expect(await page.getByRole('button', { name: '校验账本' }).count()).toBe(0);
    expect(await page.getByTestId('account-slot').getByRole('link').allTextContents()).toEqual(['登录']);
    await saveScreenshot(page, 'ledger-page-signed-out-phone');

    await page.getByTestId('verify-panel').getByRole('link', { name: '登录' }).click();
    await page.waitForURL(`${server.url}/login?next=%2Fledger`);
    // Nothing private was asked for, so the server refused nothing.
    expect(errors).toEqual([]);
  });

  test('the list says in words what happened and who did it, and a long site name never makes a phone scroll sideways', async ({
    e2e,
  }) => {
    const { server, officialId } = await serverWithEntries(e2e, 1);
    const wang = await addUser(server, { username: 'wang', displayName: '王管理', role: 'admin' });
    // The longest names a site may have (100 characters), in one word where the browser cannot break them.
    await createSite(
      server.app,
      { type: 'user', id: wang.id },
      {
        code: 'RC09',
        kind: 'recycler',
        nameZh: `广西百色平果新山铝产业示范园再生铝${'有限'.repeat(41)}公司`,
        nameEn: `Baise${'Recycled'.repeat(11)}AluminiumCompany`.slice(0, 100),
      },
    );
    const { page, errors } = await e2e.openPage(server, '/ledger', { signedInAs: officialId, viewport: DESKTOP_WIDE });
    const rows = page.getByTestId('entries-list').locator('li.entry');
    await rows.first().waitFor();
    const cells = (seq: number) => {
      const row = page.locator(`li.entry[data-seq="${seq}"]`);
      return { kind: row.locator('[data-kind]'), actor: row.locator('.entry-actor') };
    };
    const showEntries = () => page.getByTestId('entries-card').evaluate((el) => el.scrollIntoView());
    const sample = FIRST_SAMPLE_SEQ;
    const wangCreated = FIRST_SAMPLE_SEQ + 1;
    const siteCreated = FIRST_SAMPLE_SEQ + 2;
    const catalogue = LAST_CATALOGUE_SEQ;

    // A person's name for officials; the system and unknown users in words; the codes on hover.
    expect(await textOf(cells(siteCreated).kind)).toBe('新建站点');
    expect(await cells(siteCreated).kind.getAttribute('title')).toBe('事件代码：site.created');
    expect(await textOf(cells(siteCreated).actor)).toBe('王管理');
    expect(await cells(siteCreated).actor.getAttribute('title')).toBe(`user:${wang.id}`);
    expect(await textOf(cells(wangCreated).kind)).toBe('新建用户');
    expect(await textOf(cells(wangCreated).actor)).toBe('系统（命令行）');
    expect(await textOf(cells(catalogue).actor)).toBe('系统（初始化）');
    expect(await textOf(cells(catalogue).kind)).toMatch(/^定义(废料品级|合金牌号)$/);
    expect(await textOf(cells(EMISSION_FACTORS_SEQ).actor)).toBe('系统（初始化）');
    expect(await textOf(cells(EMISSION_FACTORS_SEQ).kind)).toBe('定义排放因子');
    expect(await textOf(cells(sample).actor)).toBe('用户 …000001');
    // A kind this app has no name for stays its code.
    expect(await textOf(cells(sample).kind)).toBe('test.recorded');
    expect((await page.locator('li.entry summary').allTextContents()).join(' ')).not.toContain(wang.id);
    await showEntries();
    await saveScreenshot(page, 'ledger-names-zh-1440', false);

    await page.getByRole('button', { name: 'English' }).click();
    expect(await textOf(cells(siteCreated).kind)).toBe('Site created');
    expect(await textOf(cells(wangCreated).actor)).toBe('System (command line)');
    expect(await textOf(cells(catalogue).actor)).toBe('System (bootstrap)');
    expect(await textOf(cells(sample).actor)).toBe('User …000001');
    await showEntries();
    await saveScreenshot(page, 'ledger-names-en-1440', false);

    const scrollsSideways = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    for (const lang of ['en', 'zh'] as const) {
      if (lang === 'zh') await page.getByRole('button', { name: '中文' }).click();
      for (const width of [390, 360]) {
        await page.setViewportSize({ width, height: PHONE.height });
        await page.getByTestId('site-picker').selectOption('RC09');
        await page.locator(`li.entry[data-seq="${siteCreated}"]`).waitFor();
        expect(await scrollsSideways(), `${lang} at ${width} px, RC09 chosen`).toBe(false);
        if (width === 390) {
          await showEntries();
          await saveScreenshot(page, `ledger-site-picker-${lang}-390`, false);
        }
        await page.getByTestId('site-picker').selectOption('');
        await rows.nth(3).waitFor();
        expect(await scrollsSideways(), `${lang} at ${width} px, all sites`).toBe(false);
      }
    }
    await page.setViewportSize(PHONE);
    await showEntries();
    await saveScreenshot(page, 'ledger-names-zh-390', false);
    expect(errors).toEqual([]);
  });

  test('an unknown address shows the not-found page inside the app', async ({ e2e }) => {
    const server = await e2e.startServer();
    const { page } = await e2e.openPage(server, '/no/such/page');

    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('页面不存在');
    expect(await page.title()).toBe('页面不存在 · 铝溯源');
    await page.getByRole('link', { name: '返回账本' }).click();
    // The old heading matches until the client-side navigation has rendered: wait for the ledger's.
    await page.getByRole('heading', { level: 1, name: '账本' }).waitFor();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('账本');
  });
});
