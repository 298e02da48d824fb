// The admin area in a real browser: the first-run administrator's first
// sign-in and forced password change, setting up a site and an operator
// (whose generated password is shown once), the operator's narrower view,
// user management, and API tokens shown once and revoked.

import { sampleEntry } from '@alutrace/server/testing';
import type { MeView } from '@alutrace/shared';
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { saveScreenshot } from './browser';
import { addSite, addUser, DESKTOP_WIDE, PHONE, signInThroughForm, test, textOf } from './fixtures';

const NEW_PASSWORD = 'aluminium cans go round';

function adminTab(page: Page, name: string) {
  return page.getByRole('navigation', { name: '管理分区' }).getByRole('link', { name });
}

/** On the forced change-password page: the current password and a new one, twice. */
async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel('当前密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('再次输入新密码').fill(next);
  await page.getByRole('button', { name: '修改密码' }).click();
}

/** Who the server says a bearer token is (null once it is revoked). */
async function meWithToken(url: string, secret: string): Promise<MeView | null> {
  const response = await fetch(`${url}/trpc/auth.me`, { headers: { authorization: `Bearer ${secret}` } });
  const body = (await response.json()) as { result: { data: MeView | null } };
  return body.result.data;
}

/** The dialog fits the viewport and every paragraph of it is shown whole: nothing cut off or scrolled away sideways. */
async function expectWhollyShown(dialog: Locator): Promise<void> {
  const overflow = await dialog.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const problems: string[] = [];
    if (box.left < 0 || box.right > window.innerWidth)
      problems.push(`dialog ${box.left}–${box.right} of ${window.innerWidth}`);
    for (const p of Array.from(el.querySelectorAll('p'))) {
      const r = p.getBoundingClientRect();
      if (p.scrollWidth > p.clientWidth + 1 || r.right > box.right + 1 || r.left < box.left - 1)
        problems.push(
          `"${p.textContent?.slice(0, 30)}" ${r.left}–${r.right} (scroll ${p.scrollWidth} > ${p.clientWidth})`,
        );
    }
    return problems;
  });
  expect(overflow).toEqual([]);
}

describe('the admin area', () => {
  test('the first-run administrator changes their password, sets up a site and an operator, who then sees only that site', async ({
    e2e,
  }) => {
    const server = await e2e.startServer();
    // Another site's entry, which the operator must not see.
    await addSite(server, 'RC01', 'recycler', '平果再生铝', 'Pingguo recycler');
    server.app.ledger.append([sampleEntry(0, 'RC01')]);
    const { page } = await e2e.openPage(server, '/admin/users');

    // A signed-out visitor of the admin area is asked to sign in first, and comes back afterwards.
    await page.waitForURL(`${server.url}/login?next=%2Fadmin%2Fusers`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('登录');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username');
    await saveScreenshot(page, 'login-zh');

    await signInThroughForm(page, server.admin.username, 'not the password');
    expect(await textOf(page.getByTestId('form-alert'))).toBe('用户名或密码错误。');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await saveScreenshot(page, 'login-failed-zh');

    await signInThroughForm(page, server.admin.username, server.admin.password);
    await page.waitForURL(`${server.url}/account/password?next=%2Fadmin%2Fusers`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('请先设置您自己的密码');
    // Every other page waits until the password is changed.
    await page.getByRole('link', { name: '账本', exact: true }).click();
    await page.waitForURL(/\/account\/password\?next=%2Fledger$/);
    await page.goBack();

    await changePassword(page, server.admin.password, 'short');
    expect(await textOf(page.getByText('新密码至少需要 10 个字符。'))).toBeTruthy();
    await page.getByLabel('当前密码').fill('wrong current password');
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(`${NEW_PASSWORD}!`);
    await page.getByRole('button', { name: '修改密码' }).click();
    expect(await textOf(page.getByText('两次输入的新密码不一致。'))).toBeTruthy();
    await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    expect(await textOf(page.getByText('当前密码不正确。'))).toBeTruthy();
    await saveScreenshot(page, 'change-password-zh');
    // Keeping the password someone else saw is refused, next to the new password.
    await changePassword(page, server.admin.password, server.admin.password);
    const unchanged = page.getByText('新密码与当前密码相同，请设置一个不同的密码。');
    await unchanged.waitFor();
    expect(await page.getByLabel('新密码', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(page, 'change-password-unchanged-zh');
    await changePassword(page, server.admin.password, NEW_PASSWORD);

    await page.waitForURL(`${server.url}/admin/users`);
    expect(await textOf(page.getByTestId('flash'))).toContain('密码已更改');

    // A collection point.
    await adminTab(page, '站点').click();
    await page.getByLabel('站点代码').fill('pg01');
    await page.getByLabel('中文名称').fill('平果回收站');
    await page.getByLabel('英文名称').fill('Pingguo collection point');
    await page.getByLabel('所在区县').fill('平果市');
    await page.getByLabel('所在园区').selectOption({ label: '平果工业园区' });
    await page.getByLabel('备案或许可证编号').fill('桂百再生备 2026-017');
    await page.getByRole('button', { name: '创建站点' }).click();
    expect(await textOf(page.getByTestId('site-created'))).toBe('已创建站点 PG01 平果回收站。');
    expect(
      server.app.db.$client.prepare("SELECT district, park, licence FROM sites WHERE code = 'PG01'").get(),
    ).toEqual({
      district: '平果市',
      park: 'pingguo_industrial',
      licence: '桂百再生备 2026-017',
    });
    expect(await textOf(page.locator('tr[data-code="PG01"]'))).toContain('回收站点');
    await saveScreenshot(page, 'admin-sites-zh');

    // An operator for it, with a generated password shown once.
    await adminTab(page, '用户').click();
    await page.getByLabel('用户名').fill('li');
    await page.getByLabel('显示名称').fill('李明');
    expect(await page.getByTestId('site-choices').getByRole('checkbox').count()).toBe(1);
    await page.getByRole('button', { name: '创建用户' }).click();
    expect(await textOf(page.getByTestId('site-choices').locator('.field-error'))).toBe('请至少选择一个站点。');
    await page.getByRole('checkbox', { name: 'PG01 平果回收站' }).check();
    await page.getByRole('button', { name: '创建用户' }).click();
    const secret = page.getByTestId('one-time-secret');
    expect(await textOf(secret)).toContain('已创建用户 li');
    expect(await textOf(secret)).toContain('这是唯一一次显示');
    const generated = await textOf(secret.getByTestId('secret-value'));
    expect(generated).toMatch(/^[A-Za-z0-9]{20}$/);
    const row = page.locator('tr[data-username="li"]');
    expect(await textOf(row)).toContain('回收站点操作员');
    expect(await textOf(row.getByTestId('must-change'))).toBe('须修改密码');
    await saveScreenshot(page, 'admin-users-zh');
    await secret.getByRole('button', { name: '我已妥善保存' }).click();
    expect(await page.getByTestId('one-time-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(generated);

    // Sign out, and in as the operator, who must choose their own password too.
    await page.getByTestId('account-menu').locator('summary').click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${server.url}/login`);
    expect(await textOf(page.getByTestId('flash'))).toBe('您已退出登录。知道了');
    await signInThroughForm(page, 'li', generated);
    await page.waitForURL(`${server.url}/account/password`);
    await changePassword(page, generated, NEW_PASSWORD);
    // Signed in from nowhere in particular, the operator starts at their daily tasks.
    await page.waitForURL(`${server.url}/home`);
    await page
      .getByRole('link', { name: /过磅|收购/ })
      .first()
      .waitFor();
    await page.goto(`${server.url}/`);

    // Only PG01's entries; no admin menu, no verification.
    const rows = page.getByTestId('entries-list').locator('li.entry');
    await rows.first().waitFor();
    expect(
      await rows.evaluateAll((items) => items.map((li) => li.querySelector('[data-label="站点"]')?.textContent)),
    ).toEqual(['PG01']);
    expect(await textOf(page.getByTestId('site-picker'))).toBe('站点: PG01 平果回收站');
    expect(await page.getByRole('link', { name: '管理' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '校验账本' }).count()).toBe(0);
    expect(await textOf(page.getByTestId('account-menu').locator('summary'))).toBe('李明回收站点操作员 · PG01');

    // Typing the address of the admin area does not help.
    await page.goto(`${server.url}/admin/users`);
    expect(await textOf(page.getByTestId('forbidden'))).toContain('此页面仅供管理员使用。');
    expect(await textOf(page.getByTestId('forbidden'))).toContain('您的角色是：回收站点操作员。');
    await saveScreenshot(page, 'admin-forbidden-zh');
  });

  test('an administrator creates an API token, sees it once, and revokes it (in English)', async ({ e2e }) => {
    const server = await e2e.startServer();
    await addSite(server, 'PG01', 'collection_point', '平果回收站', 'Pingguo collection point');
    await addSite(server, 'RC01', 'recycler', '平果再生铝', 'Pingguo recycler');
    const admin = await addUser(server, { username: 'wang', displayName: '王管理', role: 'admin' });
    const { page, errors } = await e2e.openPage(server, '/admin/tokens', { signedInAs: admin.id });
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.title()).toBe('API tokens · Admin · alutrace');

    await page.getByLabel('Name').fill('PG01 weighbridge');
    await page.getByRole('button', { name: 'Create token' }).click();
    expect(await textOf(page.getByText('Choose a site.', { exact: true }))).toBeTruthy();
    // An operator's token acts for a collection point: the recycler is not offered.
    expect(await page.getByLabel('Site', { exact: true }).locator('option').allTextContents()).toEqual([
      'Choose a site',
      'PG01 Pingguo collection point',
    ]);
    await page.getByLabel('Site', { exact: true }).selectOption('PG01');
    await page.getByRole('button', { name: 'Create token' }).click();

    const secret = page.getByTestId('one-time-secret');
    expect(await textOf(secret)).toContain('Token "PG01 weighbridge" created');
    expect(await textOf(secret)).toContain('This is the only time it is shown.');
    const token = await textOf(secret.getByTestId('secret-value'));
    expect(token).toMatch(/^alt_/);
    expect(await textOf(secret.getByTestId('token-usage'))).toBe(`Authorization: Bearer ${token}`);
    await secret.getByRole('button', { name: 'Copy' }).click();
    expect(await textOf(secret.getByRole('button', { name: 'Copied' }))).toBe('Copied');
    expect(await meWithToken(server.url, token)).toMatchObject({
      kind: 'token',
      role: 'operator',
      name: 'PG01 weighbridge',
    });
    const row = page.locator('tr[data-name="PG01 weighbridge"]');
    expect(await textOf(row.getByTestId('token-status'))).toBe('Valid');
    expect(await textOf(row)).toContain('by wang');
    await saveScreenshot(page, 'admin-tokens-en');

    await secret.getByRole('button', { name: 'I have kept it safe' }).click();
    expect(await page.content()).not.toContain(token);

    await row.getByRole('button', { name: 'Revoke' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke token "PG01 weighbridge"?' });
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await page.locator('tr[data-name="PG01 weighbridge"][data-revoked="true"]').waitFor();
    expect(await textOf(row.getByTestId('token-status'))).toMatch(/^Revoked \d{1,2} \w{3} \d{4}, \d\d:\d\d:\d\d$/);
    expect(await row.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    expect(await meWithToken(server.url, token)).toBeNull();
    await saveScreenshot(page, 'admin-tokens-revoked-en');
    expect(errors).toEqual([]);
  });

  test('an administrator edits a user, deactivates them, resets their password, and sees errors where they belong', async ({
    e2e,
  }) => {
    const server = await e2e.startServer();
    await addSite(server, 'PG01', 'collection_point', '平果回收站', 'Pingguo collection point');
    await addSite(server, 'RC01', 'recycler', '平果再生铝', 'Pingguo recycler');
    const admin = await addUser(server, { username: 'wang', displayName: '王管理', role: 'admin' });
    await addUser(server, { username: 'li', displayName: '李明', role: 'operator', sites: ['PG01'] });
    // The first-run administrator steps down, so that wang is the only one left.
    server.app.db.$client.prepare("UPDATE users SET active = 0 WHERE username = 'admin'").run();
    const { page } = await e2e.openPage(server, '/admin/users', { signedInAs: admin.id });

    // A username that exists: said next to the username.
    await page.getByLabel('用户名').fill('LI');
    await page.getByLabel('显示名称').fill('另一个李明');
    await page.getByRole('checkbox', { name: 'PG01 平果回收站' }).check();
    await page.getByRole('button', { name: '创建用户' }).click();
    expect(await textOf(page.getByTestId('form-alert'))).toBe('请更正下方标出的字段。');
    expect(await textOf(page.locator('.field-invalid').filter({ has: page.getByLabel('用户名') }))).toContain(
      '用户名 LI 已被使用（不区分大小写）。',
    );

    // From operator to recycler: PG01 no longer fits, RC01 does.
    const li = page.locator('tr[data-username="li"]');
    await li.getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('dialog', { name: '编辑用户 li' });
    await edit.getByLabel('角色').selectOption('recycler');
    await edit.getByRole('button', { name: '保存' }).click();
    expect(await textOf(edit.getByText('请至少选择一个站点。'))).toBeTruthy();
    await saveScreenshot(page, 'admin-users-edit-zh', false);
    await edit.getByRole('checkbox', { name: 'RC01 平果再生铝' }).check();
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(await textOf(li)).toContain('再生铝企业');
    expect(await textOf(li)).toContain('RC01 平果再生铝');

    await li.getByRole('button', { name: '停用' }).click();
    await page.getByRole('dialog', { name: '停用用户 li？' }).getByRole('button', { name: '停用' }).click();
    await page.locator('tr[data-username="li"][data-active="false"]').waitFor();

    await li.getByRole('button', { name: '重置密码' }).click();
    await page.getByRole('dialog', { name: '重置 li 的密码？' }).getByRole('button', { name: '重置密码' }).click();
    const reset = page.getByRole('dialog', { name: '已重置 li 的密码' });
    expect(await textOf(reset.getByTestId('secret-value'))).toMatch(/^[A-Za-z0-9]{20}$/);
    await reset.getByRole('button', { name: '我已妥善保存' }).click();
    expect(await textOf(li.getByTestId('must-change'))).toBe('须修改密码');

    // The last active administrator cannot be deactivated: the server's reason, in the dialog.
    await page.locator('tr[data-username="wang"]').getByRole('button', { name: '停用' }).click();
    const last = page.getByRole('dialog', { name: '停用用户 wang？' });
    await last.getByRole('button', { name: '停用' }).click();
    expect(await textOf(last.getByTestId('form-alert'))).toBe(
      '此操作将导致没有可用的管理员。请先将其他用户设为管理员。',
    );
    await last.getByRole('button', { name: '取消' }).click();

    await page.setViewportSize(PHONE);
    await saveScreenshot(page, 'admin-users-phone');
  });

  test('confirmation dialogs show their whole explanation on a wide desktop and on a phone, in both languages', async ({
    e2e,
  }) => {
    const server = await e2e.startServer();
    await addSite(server, 'PG01', 'collection_point', '平果回收站', 'Pingguo collection point');
    const admin = await addUser(server, { username: 'wang', displayName: '王管理', role: 'admin' });
    await addUser(server, { username: 'li', displayName: '李明', role: 'operator', sites: ['PG01'] });
    const { page } = await e2e.openPage(server, '/admin/users', { signedInAs: admin.id, viewport: DESKTOP_WIDE });
    const li = page.locator('tr[data-username="li"]');
    for (const [lang, deactivate, reset, cancel] of [
      ['zh', '停用', '重置密码', '取消'],
      ['en', 'Deactivate', 'Reset password', 'Cancel'],
    ] as const) {
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
      for (const [viewport, width] of [
        [DESKTOP_WIDE, 1440],
        [PHONE, 390],
      ] as const) {
        await page.setViewportSize(viewport);
        await li.getByRole('button', { name: deactivate, exact: true }).click();
        const dialog = page.getByRole('dialog');
        expect(await textOf(dialog.locator('p').first())).toMatch(
          lang === 'zh' ? /以后可以重新启用。$/ : /reactivate them later\.$/,
        );
        await expectWhollyShown(dialog);
        await saveScreenshot(page, `admin-confirm-deactivate-${lang}-${width}`, false);
        await dialog.getByRole('button', { name: cancel }).click();
        await li.getByRole('button', { name: reset, exact: true }).click();
        await expectWhollyShown(page.getByRole('dialog'));
        await page.getByRole('dialog').getByRole('button', { name: cancel }).click();
      }
    }
    await page.goto(`${server.url}/admin/sites`);
    await page.locator('tr[data-code="PG01"]').getByRole('button', { name: 'Deactivate', exact: true }).click();
    await expectWhollyShown(page.getByRole('dialog'));
    await saveScreenshot(page, 'admin-confirm-site-en-390', false);
    await page.setViewportSize(DESKTOP_WIDE);
    await expectWhollyShown(page.getByRole('dialog'));
    await saveScreenshot(page, 'admin-confirm-site-en-1440', false);
  });

  test('forms stop at the server’s limits with a counter near them, explain refusals in words, and confirm a saved site', async ({
    e2e,
  }) => {
    const server = await e2e.startServer();
    await addSite(server, 'PG01', 'collection_point', '平果回收站', 'Pingguo collection point');
    const admin = await addUser(server, { username: 'wang', displayName: '王管理', role: 'admin' });
    // The users page asks for the sites more slowly than for anything else: it must say it is loading them.
    let releaseSites: () => void = () => {};
    const sitesHeld = new Promise<void>((resolve) => {
      releaseSites = resolve;
    });
    const { page, errors } = await e2e.openPage(server, '/admin/users', {
      signedInAs: admin.id,
      beforeLoad: (p) =>
        p.route(/\/trpc\/[^?]*sites\.list/, async (route) => {
          await sitesHeld;
          await route.continue();
        }),
    });
    expect(await textOf(page.getByTestId('sites-loading'))).toBe('正在加载站点…');
    expect(await page.getByText('还没有可分配的在用站点').count()).toBe(0);
    releaseSites();
    await page.getByRole('checkbox', { name: 'PG01 平果回收站' }).waitFor();
    expect(await page.getByTestId('sites-loading').count()).toBe(0);

    // A username the server refuses: why, wholly in Chinese.
    const username = page.getByLabel('用户名');
    expect(await username.getAttribute('maxlength')).toBe('40');
    await username.fill('-li');
    await page.getByLabel('显示名称').fill('李明');
    await page.getByRole('checkbox', { name: 'PG01 平果回收站' }).check();
    await page.getByRole('button', { name: '创建用户' }).click();
    const usernameError = page.locator('.field-error');
    expect(await textOf(usernameError)).toBe('格式不正确：只能使用字母、数字和“.”“_”“-”，并以字母或数字开头。');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Create user' }).click();
    expect(await textOf(usernameError)).toBe(
      'Not in the expected form: letters, digits, ".", "_" and "-", starting with a letter or digit.',
    );
    await page.getByRole('button', { name: '中文' }).click();

    // The site names stop at 100 characters, and count from 80 on.
    await page.goto(`${server.url}/admin/sites`);
    const nameZh = page.getByLabel('中文名称');
    expect(await nameZh.getAttribute('maxlength')).toBe('100');
    await nameZh.fill('站'.repeat(79));
    expect(await page.getByTestId('field-counter').count()).toBe(0);
    await nameZh.fill('站'.repeat(85));
    expect(await textOf(page.getByTestId('field-counter'))).toBe('已输入 85 / 100 个字符');
    await nameZh.pressSequentially('站'.repeat(20));
    expect(await nameZh.inputValue()).toBe('站'.repeat(100));
    expect(await textOf(page.getByTestId('field-counter'))).toBe('已达 100 个字符的上限');
    await nameZh.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'admin-sites-counter-zh-1280', false);
    await page.setViewportSize(PHONE);
    await nameZh.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'admin-sites-counter-zh-390', false);
    await page.setViewportSize(DESKTOP_WIDE);

    // Created, then edited: the confirmation follows the latest change.
    await page.getByLabel('站点代码').fill('RC01');
    await page.getByLabel('类型', { exact: true }).selectOption({ label: '再生铝企业' });
    await nameZh.fill('平果再生铝');
    await page.getByLabel('英文名称').fill('Pingguo recycler');
    await page.getByRole('button', { name: '创建站点' }).click();
    expect(await textOf(page.getByTestId('site-created'))).toBe('已创建站点 RC01 平果再生铝。');
    await page.locator('tr[data-code="PG01"]').getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('dialog', { name: '编辑站点 PG01' });
    await edit.getByLabel('中文名称').fill('平果城东回收站');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(await textOf(page.getByTestId('site-saved'))).toBe('已保存站点 PG01 平果城东回收站 的修改。');
    expect(await page.getByTestId('site-created').count()).toBe(0);
    await saveScreenshot(page, 'admin-site-saved-zh-1440', false);
    await page.getByRole('button', { name: 'English' }).click();
    expect(await textOf(page.getByTestId('site-saved'))).toBe('Changes to site PG01 Pingguo collection point saved.');
    await page.setViewportSize(PHONE);
    await page.getByTestId('site-saved').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'admin-site-saved-en-390', false);
    // The users form with a refused username and a display name near its limit, at both widths in both languages.
    await page.goto(`${server.url}/admin/users`);
    await page.getByLabel(/^(用户名|Username)$/).fill('-li');
    await page.getByLabel(/^(显示名称|Display name)$/).fill('李'.repeat(70));
    await page.getByRole('checkbox', { name: /^PG01 / }).check();
    await page.getByRole('button', { name: 'Create user' }).click();
    await usernameError.waitFor();
    for (const lang of ['en', 'zh'] as const) {
      if (lang === 'zh') await page.getByRole('button', { name: '中文' }).click();
      expect(await textOf(page.getByTestId('field-counter'))).toBe(
        lang === 'zh' ? '已输入 70 / 80 个字符' : '70 of 80 characters',
      );
      for (const [viewport, width] of [
        [PHONE, 390],
        [DESKTOP_WIDE, 1440],
      ] as const) {
        await page.setViewportSize(viewport);
        await saveScreenshot(page, `admin-users-limits-${lang}-${width}`, false);
      }
    }
    // The three refusals of the username are the only failed requests.
    expect(errors).toEqual(
      Array(3).fill('console: Failed to load resource: the server responded with a status of 400 (Bad Request)'),
    );
  });
});
