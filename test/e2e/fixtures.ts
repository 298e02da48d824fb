// What every browser test needs: one Chromium per file, a fresh server per
// test, pages in a browser far from China, users and sites created directly
// through the domain functions (no UI, no password hashing for sessions),
// and cleanup of all of it after each test.

import { createSite, createUser, startTestServer, systemActor, type TestServer } from '@alutrace/server/testing';
import type { Role, SiteKind } from '@alutrace/shared';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { test as base } from 'vitest';
import { collectPageErrors, launchChromium } from './browser';

export const PASSWORD = 'correct horse battery staple';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
export const DESKTOP_WIDE = { width: 1440, height: 900 };

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions and console errors of the page so far. */
  errors: string[];
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** Opens the page signed in as this user (a session made on the server, set as the cookie). */
  signedInAs?: string;
  /** Leaves network requests to the test, e.g. to break or alter them before the page loads. */
  beforeLoad?: (page: Page) => Promise<unknown>;
}

export interface E2e {
  /** A new server: empty but for the first-run administrator (`server.admin`). */
  startServer(): Promise<TestServer>;
  /** A new browser context in New York time (the app must still show China time) and a page at `url`. */
  openPage(server: TestServer, path: string, options?: PageOptions): Promise<OpenedPage>;
}

export const test = base.extend<{ browser: Browser; e2e: E2e }>({
  // One browser for the file. A fixture rather than beforeAll: without Chromium
  // every test fails with the install command, instead of being reported as skipped.
  browser: [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'file' },
  ],
  e2e: async ({ browser }, use) => {
    const cleanups: (() => Promise<void>)[] = [];
    await use({
      async startServer() {
        const server = await startTestServer();
        cleanups.push(() => server.stop());
        return server;
      },
      async openPage(server, path, options = {}) {
        const context = await browser.newContext({
          viewport: options.viewport ?? DESKTOP,
          timezoneId: 'America/New_York',
        });
        cleanups.push(() => context.close());
        if (options.signedInAs) await signInWithCookie(context, server, options.signedInAs);
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await options.beforeLoad?.(page);
        await page.goto(`${server.url}${path}`);
        return { page, context, errors };
      },
    });
    for (const cleanup of cleanups.reverse()) await cleanup();
  },
});

/** A session for `userId`, as if they had signed in on this browser context. */
export async function signInWithCookie(
  context: BrowserContext,
  server: TestServer,
  userId: string,
  client: { userAgent: string | null } = { userAgent: null },
): Promise<void> {
  const { token } = server.app.auth.sessions.create(userId, { ip: '127.0.0.1', ...client });
  await context.addCookies([{ name: server.app.auth.cookieName, value: token, url: server.url }]);
}

export async function addSite(
  server: TestServer,
  code: string,
  kind: SiteKind,
  nameZh: string,
  nameEn: string,
): Promise<void> {
  await createSite(server.app, systemActor('cli'), { code, kind, nameZh, nameEn });
}

/** A user whose password (PASSWORD) is final: no change is asked of them at sign-in. */
export async function addUser(
  server: TestServer,
  user: { username: string; displayName?: string; role: Role; sites?: string[] },
): Promise<{ id: string; username: string }> {
  const { user: created } = await createUser(
    server.app,
    systemActor('cli'),
    {
      username: user.username,
      displayName: user.displayName ?? user.username,
      role: user.role,
      sites: user.sites ?? [],
      password: PASSWORD,
    },
    { passwordIsFinal: true },
  );
  return { id: created.id, username: created.username };
}

/** The trimmed text of the element, once it is there. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return (await locator.textContent())?.trim() ?? '';
}

/** Signs in through the sign-in page the browser is on: types, and submits with Enter. */
export async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/^(用户名|Username)$/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByLabel(/^(密码|Password)$/).press('Enter');
}
