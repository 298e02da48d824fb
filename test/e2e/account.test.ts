// Signing in and out, and "My account" in a real browser: the sessions list
// and revoking, a session that ends while the page is open, and sign-in
// throttling explained to the person at the screen.
import { describe, expect } from 'vitest';
import { saveScreenshot } from './browser';
import { addSite, addUser, PASSWORD, PHONE, signInThroughForm, test, textOf } from './fixtures';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('my account', () => {
  test('lists where I am signed in, ends another device, and signs me out when I end this one', async ({ e2e }) => {
    const server = await e2e.startServer();
    await addSite(server, 'RC01', 'recycler', '平果再生铝', 'Pingguo recycler');
    const huang = await addUser(server, { username: 'huang', displayName: '黄工', role: 'recycler', sites: ['RC01'] });
    // The same person, signed in on their phone too.
    server.app.auth.sessions.create(huang.id, { ip: '10.0.0.7', userAgent: IPHONE });
    const { page, errors } = await e2e.openPage(server, '/account', { signedInAs: huang.id });

    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('我的账户');
    const rows = page.getByTestId('session-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const phone = rows.filter({ hasText: 'Safari 17 · iOS' });
    const here = page.locator('[data-testid="session-row"][data-current="true"]');
    expect(await textOf(here)).toContain('本设备');
    expect(await textOf(here)).toContain('127.0.0.1');
    await saveScreenshot(page, 'account-sessions-zh');

    await phone.getByRole('button', { name: '撤销' }).click();
    await phone.waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    expect(await textOf(page.getByTestId('session-ended'))).toBe('已结束该设备上的登录：Safari 17 · iOS。');
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
      for (const [viewport, width] of [
        [{ width: 1440, height: 900 }, 1440],
        [PHONE, 390],
      ] as const) {
        await page.setViewportSize(viewport);
        await page.getByTestId('session-ended').scrollIntoViewIfNeeded();
        await saveScreenshot(page, `account-session-ended-${lang}-${width}`, false);
      }
    }
    expect(await textOf(page.getByTestId('session-ended'))).toBe('Signed out on that device: Safari 17 · iOS.');
    await page.getByRole('button', { name: '中文' }).click();

    await here.getByRole('button', { name: '退出本设备' }).click();
    await page.getByRole('dialog', { name: '退出本设备？' }).getByRole('button', { name: '退出本设备' }).click();
    await page.waitForURL(`${server.url}/login`);
    expect(await textOf(page.getByTestId('flash'))).toContain('您已退出登录。');
    expect(await page.getByTestId('account-slot').getByRole('link').allTextContents()).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('changing the password says so and ends the other sessions (on a phone, in English)', async ({ e2e }) => {
    const server = await e2e.startServer();
    const zhou = await addUser(server, { username: 'zhou', displayName: 'Zhou', role: 'official' });
    server.app.auth.sessions.create(zhou.id, { ip: '10.0.0.7', userAgent: IPHONE });
    const { page } = await e2e.openPage(server, '/account', { signedInAs: zhou.id, viewport: PHONE });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('session-row').nth(1).waitFor();

    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('a much longer passphrase');
    await page.getByLabel('Repeat the new password').fill('a much longer passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await textOf(page.getByTestId('password-changed'))).toBe(
      'Your password was changed. You are signed out on every other device and browser; this one stays signed in.',
    );
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="session-row"]').length === 1);
    await saveScreenshot(page, 'account-password-changed-phone-en');
  });

  test('a session that ends while the page is open sends me to sign in, and back to where I was', async ({ e2e }) => {
    const server = await e2e.startServer();
    await addSite(server, 'PG01', 'collection_point', '平果回收站', 'Pingguo collection point');
    const li = await addUser(server, { username: 'li', displayName: '李明', role: 'operator', sites: ['PG01'] });
    const { page } = await e2e.openPage(server, '/ledger?site=PG01', { signedInAs: li.id });
    await page.getByTestId('entries-list').waitFor();

    // Revoked from another device (or timed out): the next call is refused.
    server.app.auth.sessions.revokeAll(li.id);
    await page.getByRole('button', { name: '刷新' }).click();
    await page.waitForURL(`${server.url}/login?next=%2Fledger%3Fsite%3DPG01`);
    expect(await textOf(page.getByTestId('flash'))).toContain('您的登录已结束');
    await saveScreenshot(page, 'login-session-ended-zh');

    await signInThroughForm(page, 'li', PASSWORD);
    await page.waitForURL(`${server.url}/ledger?site=PG01`);
    await page.getByTestId('entries-list').waitFor();
  });

  test('repeated failed sign-ins are slowed down, and the page says for how long', async ({ e2e }) => {
    const server = await e2e.startServer();
    const { page } = await e2e.openPage(server, '/login');
    await page.getByRole('button', { name: 'English' }).click();
    const alert = page.getByTestId('form-alert');
    // Five free attempts; the sixth must wait.
    for (let attempt = 1; attempt <= 6; attempt++) {
      await Promise.all([
        page.waitForResponse((response) => response.url().includes('/trpc/auth.login')),
        signInThroughForm(page, 'admin', `wrong ${attempt}`),
      ]);
    }
    expect(await textOf(alert)).toMatch(/^Too many failed sign-ins\. Wait \d+ seconds and try again\.$/);
    await page.getByRole('button', { name: '中文' }).click();
    expect(await textOf(alert)).toMatch(/^登录失败次数过多，请等待 \d+ 秒后重试。$/);

    // Empty fields are caught before asking the server, next to the field.
    await page.getByLabel('用户名').fill('');
    await page.getByRole('button', { name: '登录' }).click();
    expect(await textOf(page.getByText('必填。'))).toBe('必填。');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username');
  });

  test('opened after the session ended on another device, the sign-in page says why it asks again (zh and en, phone and desktop)', async ({
    e2e,
  }) => {
    const server = await e2e.startServer();
    const zhou = await addUser(server, { username: 'zhou', displayName: '周审核', role: 'official' });
    const { page, errors } = await e2e.openPage(server, '/login?next=%2Faccount', { viewport: PHONE });
    await signInThroughForm(page, 'zhou', PASSWORD);
    await page.waitForURL(`${server.url}/account`);
    await page.getByTestId('session-row').first().waitFor();

    // Signed out everywhere from another device, while this browser was closed.
    server.app.auth.sessions.revokeAll(zhou.id);
    await page.goto(`${server.url}/account`);
    await page.waitForURL(`${server.url}/login?next=%2Faccount`);
    expect(await textOf(page.getByTestId('flash').locator('p'))).toBe(
      '您的登录已结束（在其他地方退出、被撤销或长时间未操作）。请重新登录，登录后将回到原来的页面。',
    );
    await saveScreenshot(page, 'login-session-ended-zh-390', false);
    await page.setViewportSize({ width: 1440, height: 900 });
    await saveScreenshot(page, 'login-session-ended-zh-1440', false);
    await page.getByRole('button', { name: 'English' }).click();
    expect(await textOf(page.getByTestId('flash'))).toMatch(/^Your session has ended/);
    await saveScreenshot(page, 'login-session-ended-en-1440', false);
    await page.setViewportSize(PHONE);
    await saveScreenshot(page, 'login-session-ended-en-390', false);

    // Said once: signing in and out again here, then opening a private page, asks without it.
    await signInThroughForm(page, 'zhou', PASSWORD);
    await page.waitForURL(`${server.url}/account`);
    await page.getByTestId('account-menu').locator('summary').click();
    await page.getByTestId('account-menu').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/login`);
    await page.goto(`${server.url}/account`);
    await page.waitForURL(`${server.url}/login?next=%2Faccount`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByTestId('flash').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
